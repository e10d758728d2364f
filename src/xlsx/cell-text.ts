import { withoutIllegalXmlCharacters } from './xml-text';

const FORMULA_START = /^[=+\-@\t\r]/;
const MAX_CELL_CHARACTERS = 32_767;

/**
 * The text a text cell holds. Text starting with `=`, `+`, `-`, `@`, tab or carriage return gets
 * a leading apostrophe (the OWASP rule against formula injection): the cell is text in the .xlsx
 * anyway, but a buyer who saves the sheet as CSV and opens that would otherwise run it as a formula,
 * and the apostrophe survives that round trip. Characters illegal in XML are dropped first, so
 * they cannot hide a formula behind them. It is the writer's rule, not its callers': `cellXml`
 * applies it to every text and id cell, headers included, of every workbook the platform writes.
 * @example guardedCellText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @throws RangeError past Excel's 32,767 characters per cell
 */
export function guardedCellText(text: string): string {
  const legal = withoutIllegalXmlCharacters(text);
  const guarded = FORMULA_START.test(legal) ? `'${legal}` : legal;
  if (guarded.length > MAX_CELL_CHARACTERS)
    throw new RangeError(
      `a cell holds at most ${MAX_CELL_CHARACTERS} characters, got ${guarded.length}`,
    );
  return guarded;
}
