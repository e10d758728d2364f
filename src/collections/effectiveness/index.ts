// The door of effectiveness/: the collection effectiveness report, its routes and workbook sheet.
export { effectivenessReport } from './effectiveness';
export { writtenOffAccounts } from './effectiveness-repository';
export { effectivenessRoutes } from './effectiveness-routes';
export { effectivenessSheet } from './effectiveness-sheet';
