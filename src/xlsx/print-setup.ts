import { xmlText } from './xml-text';

/**
 * How a sheet prints (ECMA-376 part 1 §18.3.1.63 pageSetup, §18.3.1.62 pageSetUpPr, §18.2.6
 * definedName `_xlnm.Print_Titles`): the paper, its orientation, how many pages across and down
 * the sheet is scaled to, and the rows repeated at the top of every page. Scaling to one page
 * across keeps every column of a row on the same page, so no header is cut off at a page edge.
 */
export interface PrintSetup {
  /** The paper's code in the spec's list: 9 is A4 (210 × 297 mm). */
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  /** Pages across the sheet is scaled to fit; 0 = as many as it takes. */
  fitToWidth: number;
  /** Pages down the sheet is scaled to fit; 0 = as many as it takes. */
  fitToHeight: number;
  /** Rows at the top repeated on every printed page (the header): 0 or absent for none. */
  repeatRows?: number;
}

/** A4 landscape, every column on one page width, as many pages down as the rows need, header repeated. */
export const A4_LANDSCAPE: PrintSetup = Object.freeze({
  paperSize: 9,
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  repeatRows: 1,
});

/** The worksheet's <sheetPr>, which must come first: it turns scaling to a page count on. */
export function sheetPropertiesXml(print: PrintSetup | undefined): string {
  return print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
}

/**
 * The worksheet's last elements, in the schema's order: margins (in inches: Excel's "narrow"
 * ones, so a wide table keeps a readable scale), page setup, and a footer "page n / N".
 */
export function pageSetupXml(print: PrintSetup | undefined): string {
  if (!print) return '';
  return (
    '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${print.paperSize}" orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${xmlText('&P / &N')}</oddFooter></headerFooter>`
  );
}

/** The sheet-local defined name that repeats rows 1…`rows` of `sheetName` at the top of each page. */
export function printTitlesName(sheetIndex: number, sheetName: string, rows: number): string {
  const quoted = `'${sheetName.replaceAll("'", "''")}'!$1:$${rows}`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${xmlText(quoted)}</definedName>`;
}
