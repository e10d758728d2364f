import { createHmac, randomBytes } from 'node:crypto';

/**
 * A data room copy's fingerprint: 32 random bits, hex. Each buyer's copy carries its own, in ways
 * a reader does not see and a leaker does not think to remove:
 * - zero-width characters in the Read-me text (`hiddenMark`), which survive copying cells and
 *   saving as CSV;
 * - the order of the tape's rows: each pair of rows is swapped or not by a bit drawn from the
 *   fingerprint and the pair's first loan (`swapsPair`), which survives retyping values, dropping
 *   columns or rows and CSV export, so long as the rows keep their order;
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
  return [...marks].map((match) =>
    Number.parseInt([...match[1]!].map((c) => (c === ONE ? '1' : '0')).join(''), 2)
      .toString(16)
      .padStart(8, '0'),
  );
}

/** Whether the copy with this fingerprint swaps a pair of rows whose first row (in loan-id order) is the loan `key`. */
export function swapsPair(fingerprint: string, key: string): boolean {
  return (createHmac('sha256', fingerprint).update(key).digest()[0]! & 1) === 1;
}

/**
 * The tape's rows in the copy's order: the rows come in loan-id order, and each pair (2k, 2k + 1)
 * is swapped when `swapsPair` says so for its first loan. `firstRow`, the page's index in the
 * whole tape, must be even so that no pair straddles two pages.
 */
export function fingerprintOrder<R>(
  rows: readonly R[],
  fingerprint: string,
  firstRow: number,
  keyOf: (row: R) => string,
): R[] {
  if (firstRow % 2 !== 0) throw new RangeError('pages of the tape start at an even row');
  const ordered = [...rows];
  for (let i = 0; i + 1 < ordered.length; i += 2) {
    if (swapsPair(fingerprint, keyOf(ordered[i]!)))
      [ordered[i], ordered[i + 1]] = [ordered[i + 1]!, ordered[i]!];
  }
  return ordered;
}

/**
 * How well the order of a leaked tape matches the copy with `fingerprint`. A tape goes out in
 * loan-id order but for its swapped pairs, so two neighbours out of order are a swapped pair, and
 * the copy must have swapped it: the share of such pairs its fingerprint swaps is 1 for the copy
 * itself and about ½ for any other. Needs only the loan ids in the file's order (undefined where a
 * row is unknown); rows dropped, added or a changed set of loans do not matter, a re-sort does.
 */
export function orderAgreement(
  observedLoanIds: readonly (string | undefined)[],
  fingerprint: string,
): { pairs: number; agreement: number } {
  let pairs = 0;
  let agreeing = 0;
  for (let i = 0; i + 1 < observedLoanIds.length; i++) {
    const [a, b] = [observedLoanIds[i], observedLoanIds[i + 1]];
    if (a === undefined || b === undefined || a <= b) continue;
    pairs += 1;
    if (swapsPair(fingerprint, b)) agreeing += 1;
  }
  return { pairs, agreement: pairs === 0 ? 0 : agreeing / pairs };
}
