// The door of this room: what other rooms may use. Everything else here is private.
export { auditActorOf, verbContextOf } from './actor';
export { audit } from './audit-routes';
export { authenticate } from './authenticate';
export { bootstrapAdmin } from './bootstrap';
export { demoUsers, seedDemoUsers } from './demo-users';
export { defineRoute } from './guard';
export { type RouteEntry, routeTable } from './route-table';
export { access } from './routes';
