// The door of this room: what other rooms may use. Everything else here is private.
export { loadWithIndexesRebuilt } from './bulk-indexes';
export { columnTableMarkdown, replaceMarkedSection } from './column-docs';
export { type ColumnSpec, type ColumnType, type EnumValue } from './columns';
export { type FoundErrors } from './error-log';
export {
  ColumnTableSchema,
  IdempotencyHeadersSchema,
  ImportQuerySchema,
  ImportResultSchema,
  importBodyContent,
  importRequestOf,
  importedBody,
  unsupportedFormatResponse,
} from './http';
export { runImport } from './runner';
export { sqlErrors } from './sql-check';
export { stagingStatement } from './staging';
export { type ApplyContext, type Blankable, type StagedFile, type TableSpec } from './table-spec';
export {
  type ImportMode,
  type ImportRequest,
  type ImportResult,
  type LedgerSummary,
} from './types';
