/** The workbook is not a readable .xlsx file, or it is one the platform refuses to read (too big). */
export class WorkbookError extends Error {}
