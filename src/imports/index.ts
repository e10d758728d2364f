// The door of this room: what other rooms may use. Everything else here is private.
// Sub-rooms: read/ (bytes → decoded text → CSV or XLSX rows → header → typed records) and stage/
// (the staging table, the whole-file checks and the runner that imports a file all or nothing).
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
  columnTableResponses,
  importRequest,
  importResponses,
  serveImport,
} from './http';
export {
  loadWithIndexesRebuilt,
  runImport,
  scratchFile,
  scratchFolderFor,
  scratchFolderOf,
  sqlErrors,
  stagingStatement,
  sweepScratchFolder,
} from './stage';
export { isMultipart, type SpooledUpload, withSpooledUpload } from './upload';
export { type ApplyContext, type Blankable, type StagedFile, type TableSpec } from './table-spec';
export {
  type ImportContext,
  type ImportFile,
  type ImportMode,
  type ImportRequest,
  type ImportResult,
  type ImportWarning,
  type LedgerSummary,
} from './types';
