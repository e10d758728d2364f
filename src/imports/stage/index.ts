// The door of stage/: the staging table on disk, the whole-file checks in SQL and the runner.
export { loadWithIndexesRebuilt } from './bulk-indexes';
export { runImport } from './runner';
export { sqlErrors } from './sql-check';
export { stagingStatement, type StagingTable } from './staging';
export { scratchFile, scratchFolderFor, scratchFolderOf, sweepScratchFolder } from './scratch';
