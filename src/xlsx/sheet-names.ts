import { withoutIllegalXmlCharacters } from './xml-text';

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ] or control characters, no apostrophe at either end, not "History". */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]\u0000-\u001F]/;

/**
 * The sheet names of one workbook: each valid and unique, compared without regard to case as
 * Excel does ("Summary" and "SUMMARY" clash).
 */
export class SheetNames {
  private readonly taken = new Set<string>();

  /** @throws RangeError for a name Excel refuses or one already taken */
  claim(name: string): void {
    const problem =
      sheetNameProblem(name) ??
      (this.taken.has(name.toUpperCase()) ? 'is already taken' : undefined);
    if (problem) throw new RangeError(`sheet name "${name}" ${problem}`);
    this.taken.add(name.toUpperCase());
  }
}

function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_SHEET_NAME)
    return `must have 1 to ${MAX_SHEET_NAME} characters`;
  if (FORBIDDEN.test(name) || withoutIllegalXmlCharacters(name) !== name)
    return 'has a character Excel refuses (: \\ / ? * [ ] or a control character)';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toUpperCase() === 'HISTORY') return 'is reserved by Excel';
  return undefined;
}

/**
 * The name of the `part`-th sheet a long table continues on: "Loan tape (2)", the base name cut
 * to leave room for the suffix (and never in the middle of a surrogate pair).
 */
export function continuationName(name: string, part: number): string {
  const suffix = ` (${part})`;
  return withoutIllegalXmlCharacters(name.slice(0, MAX_SHEET_NAME - suffix.length)) + suffix;
}
