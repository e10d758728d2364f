export * from './imports';
export * from './loans';
export * from './collections';
export * from './access';
export * from './audit';
export * from './ledger';
export * from './portfolios';
export * from './valuation';
