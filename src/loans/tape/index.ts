// The door of tape/: the loan tape, from its columns to the import that puts it in the book.
export { loanImportRoutes } from './import-routes';
export { composeNationalId } from './national-id';
export { tapeColumns } from './tape-columns';
export { importLoanTape } from './tape-import';
