import { createHmac, randomBytes } from 'node:crypto';

/**
 * A data room copy's fingerprint: 32 random bits, hex. Each buyer's copy carries its own, in ways
 * a reader does not see and a leaker does not think to remove:
 * - zero-width characters in the Read-me text (`hiddenMark`), which survive copying cells and
 *   saving as CSV;
 * - the order of the tape's rows: each pair of rows is swapped or not by a bit drawn from the
 *   fingerprint (`swapsPair`), which survives retyping values, dropping columns and CSV export,
 *   so long as the rows keep their order;
 * - a custom document property, the obvious one.
 * `POST /data-rooms/trace` reads them back.
 */
export function newFingerprint(): string {
  return randomBytes(4).toString('hex');
}

const ZERO = '\u200b';
const ONE = '\u200c';
const FRAME = '\u2060';

/** The fingerprint as 32 zero-width characters between two word joiners: invisible in a cell. */
export function hiddenMark(fingerprint: string): string {
  const bits = Number.parseInt(fingerprint, 16).toString(2).padStart(32, '0');
  return `${FRAME}${[...bits].map((bit) => (bit === '1' ? ONE : ZERO)).join('')}${FRAME}`;
}

/** Every fingerprint hidden in `text` by `hiddenMark`. */
export function readHiddenMarks(text: string): string[] {
  const marks = text.matchAll(new RegExp(`${FRAME}([${ZERO}${ONE}]{32})${FRAME}`, 'g'));
  return [...marks].map((match) => Number.parseInt([...match[1]!].map((c) => (c === ONE ? '1' : '0')).join(''), 2).toString(16).padStart(8, '0'));
}

/** Whether the copy with this fingerprint swaps rows 2k and 2k + 1 of its tape (k = `pair`). */
export function swapsPair(fingerprint: string, pair: number): boolean {
  const digest = createHmac('sha256', fingerprint).update(String(Math.floor(pair / 256))).digest();
  const bit = pair % 256;
  return ((digest[bit >> 3]! >> (bit & 7)) & 1) === 1;
}

/** The tape's rows in the copy's order: pairs swapped as `swapsPair` says; `firstRow` is the row's index in the whole tape (even). */
export function fingerprintOrder<R>(rows: readonly R[], fingerprint: string, firstRow: number): R[] {
  if (firstRow % 2 !== 0) throw new RangeError('pages of the tape start at an even row');
  const ordered = [...rows];
  for (let i = 0; i + 1 < ordered.length; i += 2) {
    if (swapsPair(fingerprint, (firstRow + i) / 2)) [ordered[i], ordered[i + 1]] = [ordered[i + 1]!, ordered[i]!];
  }
  return ordered;
}

/**
 * How well an observed order of the tape matches the copy with `fingerprint`: the share of the
 * pairs seen side by side whose swap agrees with the fingerprint's bit. `canonicalIndex` gives a
 * row's index in the unswapped tape (by loan id). About 0.5 for another copy, 1 for the same.
 */
export function orderAgreement(observedCanonicalIndexes: readonly number[], fingerprint: string): { pairs: number; agreement: number } {
  let pairs = 0;
  let agreeing = 0;
  for (let i = 0; i + 1 < observedCanonicalIndexes.length; i++) {
    const a = observedCanonicalIndexes[i]!;
    const b = observedCanonicalIndexes[i + 1]!;
    const low = Math.min(a, b);
    if (low % 2 !== 0 || Math.max(a, b) !== low + 1) continue;
    pairs += 1;
    if (a > b === swapsPair(fingerprint, low / 2)) agreeing += 1;
  }
  return { pairs, agreement: pairs === 0 ? 0 : agreeing / pairs };
}
