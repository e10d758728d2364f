import type { CellKind, CellValue } from './cell-kinds';
import { guardedCellText } from './cell-text';
import { excelDateSerial } from './excel-date';
import { xmlText } from './xml-text';

/**
 * One cell of a worksheet's XML: text as an inline string (no shared-strings table, which would
 * have to be held in memory to the end), numbers and dates as numbers. `ref` is the cell's
 * address (`C7`), `style` its index in styles.xml. An empty cell (null or '') is not written.
 * @throws TypeError or RangeError when the value does not fit the kind
 */
export function cellXml(ref: string, kind: CellKind, value: CellValue, style: number): string {
  if (value === null || value === '') return '';
  if (kind === 'text' || kind === 'id') {
    const text = guardedCellText(String(value));
    return text === '' ? '' : inlineStringXml(ref, text, style);
  }
  return `<c r="${ref}" s="${style}"><v>${numberOf(kind, value)}</v></c>`;
}

/** The number a numeric kind writes: yuan from fen for money, the date serial for dates. */
function numberOf(kind: Exclude<CellKind, 'text' | 'id'>, value: string | number): number {
  if (kind === 'date') {
    if (typeof value !== 'string')
      throw new TypeError(`a date cell takes an ISO date, got ${value}`);
    return excelDateSerial(value);
  }
  const fractional = kind === 'rate' || kind === 'decimal' || kind === 'factor';
  if (fractional ? !Number.isFinite(value) : !Number.isSafeInteger(value)) {
    throw new TypeError(
      `a ${kind} cell takes ${fractional ? 'a finite number' : 'a safe integer'}${kind === 'money' ? ' of fen' : ''}, got ${JSON.stringify(value)}`,
    );
  }
  return kind === 'money' ? (value as number) / 100 : (value as number);
}

/** Whitespace at either end is kept only when the element says so. */
function inlineStringXml(ref: string, text: string, style: number): string {
  const edges = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${edges ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></is></c>`;
}
