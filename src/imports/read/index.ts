// The door of read/: a file's bytes to typed records (decoding, CSV and XLSX rows, the header, the cells).
export { ByteSource } from './byte-source';
export { isBlankRow, RowConverter } from './convert';
export { CsvSyntaxError } from './csv-parser';
export { csvRows } from './csv-rows';
export { DecodeError, decodeText } from './decode';
export {
  bindHeader,
  importColumnsOf,
  type ColumnBinding,
  type HeaderOptions,
  type HeaderReading,
} from './header';
export { WorkbookError, xlsxRows } from './xlsx-rows';
