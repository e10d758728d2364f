// The database's door: the client and the schema.
export * from './client';
export * from './schema';
export * from './statements';
