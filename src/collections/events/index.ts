// The door of events/: the collection history as an import file, and its routes.
export { collectionColumns } from './columns';
export { importCollections } from './import';
export { collections } from './routes';
