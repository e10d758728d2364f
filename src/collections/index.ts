// The door of this room: what other rooms may use. Everything else here is private.
// Sub-rooms: events/ (the collection history's import) and effectiveness/ (the collection
// effectiveness report on the ladder of placements).
export {
  effectivenessReport,
  effectivenessRoutes,
  effectivenessSheet,
  writtenOffAccounts,
} from './effectiveness';
export { collectionColumns, collections, importCollections } from './events';
