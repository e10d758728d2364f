import { absoluteSheetRange } from './cell-ref';
import {
  PACKAGE_RELATIONSHIPS_NS,
  RELATIONSHIPS_NS,
  SPREADSHEET_NS,
  XML_DECLARATION,
  parts,
  worksheetPart,
  type PartName,
} from './ooxml';
import { printTitlesName } from './print-setup';
import { xmlText } from './xml-text';

/**
 * A worksheet as the workbook lists it; `filterRange` (`A1:Y1001`) when it has an autofilter,
 * `printTitleRows` when its first rows repeat on every printed page.
 */
export interface SheetListing {
  name: string;
  filterRange?: string;
  printTitleRows?: number;
}

const sheetNumbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** [Content_Types].xml: every part's content type; .rels and other .xml by extension. */
export function contentTypesXml(packageParts: readonly PartName[], sheetCount: number): string {
  const overrides = [
    ...packageParts.map((name) => parts[name]),
    ...sheetNumbers(sheetCount).map(worksheetPart),
  ];
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides
      .map((part) => `<Override PartName="/${part.path}" ContentType="${part.contentType}"/>`)
      .join('') +
    '</Types>'
  );
}

/** A .rels part: relationships rId1… to each target in order. */
function relationshipsXml(targets: readonly { target: string; relationship: string }[]): string {
  const items = targets.map(
    (item, index) =>
      `<Relationship Id="rId${index + 1}" Type="${item.relationship}" Target="${item.target}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${items.join('')}</Relationships>`;
}

/** _rels/.rels: the package's parts (the workbook and document properties). */
export function packageRelationshipsXml(packageParts: readonly PartName[]): string {
  return relationshipsXml(
    packageParts
      .filter((name) => name !== 'styles')
      .map((name) => ({ target: parts[name].path, relationship: parts[name].relationship })),
  );
}

/** xl/_rels/workbook.xml.rels: the worksheets as rId1…rIdN, then the styles. */
export function workbookRelationshipsXml(sheetCount: number): string {
  return relationshipsXml([
    ...sheetNumbers(sheetCount).map(worksheetPart),
    { target: 'styles.xml', relationship: parts.styles.relationship },
  ]);
}

/**
 * xl/workbook.xml: the sheets in order, and for each autofiltered sheet the hidden sheet-local
 * name `_xlnm._FilterDatabase` over its filter range, which Excel itself writes beside every
 * autofilter and expects to find; and for each sheet printed with repeated rows its
 * `_xlnm.Print_Titles`.
 */
export function workbookXml(sheets: readonly SheetListing[]): string {
  const listed = sheets.map(
    (sheet, index) =>
      `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  );
  const filters = sheets.flatMap((sheet, index) =>
    sheet.filterRange
      ? [
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${xmlText(absoluteSheetRange(sheet.name, sheet.filterRange))}</definedName>`,
        ]
      : [],
  );
  const titles = sheets.flatMap((sheet, index) =>
    sheet.printTitleRows ? [printTitlesName(index, sheet.name, sheet.printTitleRows)] : [],
  );
  const names = [...filters, ...titles];
  return (
    XML_DECLARATION +
    `<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${listed.join('')}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}
