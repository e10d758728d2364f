import { RELATIONSHIPS_NS, SPREADSHEET_NS, XML_DECLARATION } from './ooxml';
import { pageSetupXml, type PrintSetup, sheetPropertiesXml } from './print-setup';

/** How a worksheet looks: column widths (in characters), whether row 1 stays in view, how it prints. */
export interface WorksheetLayout {
  widths: readonly number[];
  freezeHeader: boolean;
  print?: PrintSetup;
}

/** What is known only once the rows are written: the autofilter range and merged ranges; the print setup goes last. */
export interface WorksheetEnding {
  filterRange?: string;
  merges: readonly string[];
  print?: PrintSetup;
}

const FROZEN_HEADER =
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';

/**
 * Everything before the rows: views (the frozen header pane), widths, and the opening of
 * sheetData. There is no <dimension>: the row count is not known yet, and it is optional.
 */
export function worksheetHead(layout: WorksheetLayout): string {
  const cols = layout.widths
    .map(
      (width, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`,
    )
    .join('');
  return (
    XML_DECLARATION +
    `<worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    sheetPropertiesXml(layout.print) +
    `<sheetViews><sheetView workbookViewId="0">${layout.freezeHeader ? FROZEN_HEADER : ''}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

/** Everything after the rows, in the schema's order: autoFilter, mergeCells, then margins and page setup. */
export function worksheetTail(ending: WorksheetEnding): string {
  const merges = ending.merges.map((range) => `<mergeCell ref="${range}"/>`).join('');
  return (
    '</sheetData>' +
    (ending.filterRange ? `<autoFilter ref="${ending.filterRange}"/>` : '') +
    (merges ? `<mergeCells count="${ending.merges.length}">${merges}</mergeCells>` : '') +
    pageSetupXml(ending.print) +
    '</worksheet>'
  );
}
