// The door of this room: what other rooms may use. Everything else here is private.
export { ByteSink, type WrittenFile } from './byte-sink';
export { type Cell, type CellKind, type CellValue, type TypedCell } from './cell-kinds';
export { A4_LANDSCAPE, type PrintSetup } from './print-setup';
export { guardedCellText } from './cell-text';
export { type Sheet, type SheetColumn } from './report-sheet';
export { type StreamingWorkbook, createStreamingWorkbook } from './streaming-workbook';
export { type WorkbookColumn } from './table-sheet';
export { XLSX_CONTENT_TYPE, sendWorkbook } from './workbook-download';
export { type DownloadAudit, sendAuditedDownload } from './audited-download';
export { type ZipEntry, ZipWriter } from './zip-writer';
