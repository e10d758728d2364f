// The door of this room: what other rooms may use. Everything else here is private.
export { generateDemoBook } from './book';
export { newBorrower } from './borrower';
export { seedDemoBookIfEmpty } from './load';
export { demoProducts } from './products';
export { Random } from './random';
export { writeDemoBookCsv } from './write-files';
export { LOAN_TAPE_COLUMNS } from './columns';
