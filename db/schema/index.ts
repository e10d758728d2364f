export * from './imports';
export * from './loans';
export * from './collections';
