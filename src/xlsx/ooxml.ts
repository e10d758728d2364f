/** The names an .xlsx package is made of (ECMA-376): declaration, namespaces, content and relationship types. */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS_NS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PACKAGE_RELATIONSHIPS_NS =
  'http://schemas.openxmlformats.org/package/2006/relationships';

const OFFICE = 'application/vnd.openxmlformats-officedocument';

/** Each part's path in the zip, content type and relationship type. */
export const parts = {
  workbook: {
    path: 'xl/workbook.xml',
    contentType: `${OFFICE}.spreadsheetml.sheet.main+xml`,
    relationship: `${RELATIONSHIPS_NS}/officeDocument`,
  },
  styles: {
    path: 'xl/styles.xml',
    contentType: `${OFFICE}.spreadsheetml.styles+xml`,
    relationship: `${RELATIONSHIPS_NS}/styles`,
  },
  core: {
    path: 'docProps/core.xml',
    contentType: 'application/vnd.openxmlformats-package.core-properties+xml',
    relationship: `${PACKAGE_RELATIONSHIPS_NS}/metadata/core-properties`,
  },
  app: {
    path: 'docProps/app.xml',
    contentType: `${OFFICE}.extended-properties+xml`,
    relationship: `${RELATIONSHIPS_NS}/extended-properties`,
  },
  custom: {
    path: 'docProps/custom.xml',
    contentType: `${OFFICE}.custom-properties+xml`,
    relationship: `${RELATIONSHIPS_NS}/custom-properties`,
  },
} as const;

export type PartName = keyof typeof parts;

/** The n-th worksheet (1-based), by its path relative to the package and to xl/. */
export function worksheetPart(sheetNumber: number): {
  path: string;
  target: string;
  contentType: string;
  relationship: string;
} {
  const target = `worksheets/sheet${sheetNumber}.xml`;
  return {
    path: `xl/${target}`,
    target,
    contentType: `${OFFICE}.spreadsheetml.worksheet+xml`,
    relationship: `${RELATIONSHIPS_NS}/worksheet`,
  };
}
