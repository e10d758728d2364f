// The door of this room: what other rooms may use. Everything else here is private.
export { health } from './routes';
