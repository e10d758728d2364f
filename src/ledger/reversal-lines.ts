import { assertBalanced, type JournalLineDraft } from './journal-line';

/**
 * The lines that undo posted lines: the same accounts, loans and amounts on the opposite sides, so
 * the original and its reversal together sum to zero on every account and every loan.
 */
export function reversalLines(original: readonly JournalLineDraft[]): JournalLineDraft[] {
  const lines = original.map((line) => ({
    ...line,
    debitFen: line.creditFen,
    creditFen: line.debitFen,
  }));
  assertBalanced(lines);
  return lines;
}
