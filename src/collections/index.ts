// The door of this room: what other rooms may use. Everything else here is private.
export { collectionColumns } from './columns';
export { effectivenessReport } from './effectiveness';
export { writtenOffAccounts } from './effectiveness-repository';
export { effectivenessRoutes } from './effectiveness-routes';
export { effectivenessSheet } from './effectiveness-sheet';
export { importCollections } from './import';
export { collections } from './routes';
