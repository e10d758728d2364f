import { cellKinds, numberFormats } from './cell-kinds';
import { XML_DECLARATION } from './ooxml';
import { xmlText } from './xml-text';

const FIRST_CUSTOM_FORMAT_ID = 164;

/**
 * xl/styles.xml: two fonts (regular, bold), the fills and border Excel requires, and the cell
 * styles of `cellStyle` — Excel's default first, then every kind regular and bold.
 */
export function stylesXml(): string {
  const custom = new Map(
    cellKinds
      .map((kind) => numberFormats[kind])
      .filter((format) => format.id >= FIRST_CUSTOM_FORMAT_ID)
      .map((format) => [format.id, format.code]),
  );
  const numFmts = [...custom]
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
    .join('');
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const xf = (numFmtId: number, fontId: number) =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${fontId ? ' applyFont="1"' : ''}/>`;
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    ...cellKinds.flatMap((kind) => [xf(numberFormats[kind].id, 0), xf(numberFormats[kind].id, 1)]),
  ];
  return (
    XML_DECLARATION +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="${custom.size}">${numFmts}</numFmts>` +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}
