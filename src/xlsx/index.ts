// The door of this room: what other rooms may use. Everything else here is private.
export { ByteSink, type WrittenFile } from './byte-sink';
export { type CellKind, type CellValue } from './cell-kinds';
export { type StreamingWorkbook, createStreamingWorkbook } from './streaming-workbook';
export { type WorkbookColumn } from './table-sheet';
export { type ZipEntry, ZipWriter } from './zip-writer';
