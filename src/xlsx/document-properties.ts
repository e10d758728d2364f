import { XML_DECLARATION } from './ooxml';
import { xmlText } from './xml-text';

/**
 * What File ▸ Info shows: title and author, and custom properties, which the data room uses to
 * mark each buyer's copy (deal, buyer, download id) so a leaked file can be traced.
 */
export interface DocumentProperties {
  title: string;
  author: string;
  custom?: Record<string, string>;
}

/** docProps/core.xml. `createdAt` is an ISO instant; W3CDTF wants it in UTC without milliseconds. */
export function coreXml(properties: DocumentProperties, createdAt: string): string {
  const instant = `${new Date(createdAt).toISOString().slice(0, 19)}Z`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(properties.title)}</dc:title><dc:creator>${xmlText(properties.author)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${instant}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${instant}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the application that wrote the file. */
export function appXml(): string {
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>debt-portfolio-platform</Application></Properties>`;
}

/** The format id every custom document property carries (ECMA-376 part 1, 22.3). */
const CUSTOM_PROPERTY_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** docProps/custom.xml: text properties; their ids start at 2 (0 and 1 are reserved). */
export function customXml(custom: Record<string, string>): string {
  const items = Object.entries(custom).map(
    ([name, value], index) =>
      `<property fmtid="${CUSTOM_PROPERTY_FMTID}" pid="${index + 2}" name="${xmlText(name)}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`,
  );
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`;
}
