// The door of this room: what other rooms may use. Everything else here is private.
export { importColumnSections } from './column-sections';
export { docs } from './routes';
