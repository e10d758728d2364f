import type { ColumnSpec } from '../columns';
import { normaliseHeader } from './header-name';
import { toSimplified } from './traditional-chinese';

/** A known header: how a column may be named, as its table writes it and as headers are compared. */
interface KnownHeader {
  written: string;
  normalised: string;
  column: ColumnSpec;
}

/** Only the start of a very long header is compared: no known header is longer than this. */
const COMPARED_CHARS = 64;

const knownHeadersOf = new WeakMap<readonly ColumnSpec[], KnownHeader[]>();

function knownHeaders(columns: readonly ColumnSpec[]): KnownHeader[] {
  let known = knownHeadersOf.get(columns);
  if (!known) {
    known = columns.flatMap((column) =>
      [column.name, ...column.aliases].map((written) => ({
        written,
        normalised: normaliseHeader(written),
        column,
      })),
    );
    knownHeadersOf.set(columns, known);
  }
  return known;
}

/** One row of the edit-distance table, reused between calls (headers are read one at a time). */
let previous = new Uint16Array(COMPARED_CHARS + 1);
let current = new Uint16Array(COMPARED_CHARS + 1);

/**
 * Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1), with
 * `substitution` = 2 giving the distance without substitutions (a substitution is then a deletion
 * and an insertion), used to break ties: "最后还款额" is one edit from both "最后还款金额" and
 * "最后还款日", but only the first keeps all its characters.
 */
function editDistance(a: string, b: string, substitution: 1 | 2): number {
  if (b.length + 1 > previous.length) {
    previous = new Uint16Array(b.length + 1);
    current = new Uint16Array(b.length + 1);
  }
  let above = previous;
  let row = current;
  for (let j = 0; j <= b.length; j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const replace = above[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : substitution);
      const insertOrDelete = Math.min(above[j]!, row[j - 1]!) + 1;
      row[j] = replace < insertOrDelete ? replace : insertOrDelete;
    }
    const done = above;
    above = row;
    row = done;
  }
  return above[b.length]!;
}

/**
 * The known header nearest to an unknown one, to name in the error: by edit distance over the
 * canonical names and every Chinese alias, after traditional characters are read as simplified
 * ones (利息餘額 → 利息余额); ties go to a column the file does not have yet, then to the header
 * that keeps more of the unknown one's characters.
 */
export function closestHeader(
  header: string,
  columns: readonly ColumnSpec[],
  taken: ReadonlySet<ColumnSpec>,
): { written: string; column: ColumnSpec } | undefined {
  const wanted = toSimplified(normaliseHeader(header)).slice(0, COMPARED_CHARS);
  let best: KnownHeader | undefined;
  let bestRank: [number, number, number] = [Infinity, Infinity, Infinity];
  for (const known of knownHeaders(columns)) {
    const distance = editDistance(wanted, known.normalised, 1);
    if (distance > bestRank[0]) continue;
    const rank: [number, number, number] = [
      distance,
      taken.has(known.column) ? 1 : 0,
      editDistance(wanted, known.normalised, 2),
    ];
    if (isBefore(rank, bestRank)) [best, bestRank] = [known, rank];
  }
  return best && { written: best.written, column: best.column };
}

function isBefore(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
