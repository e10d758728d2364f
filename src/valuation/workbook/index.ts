// The door of the workbook room of valuation: what its sibling rooms may use.
export { sendValuationWorkbook } from './valuation-workbook';
