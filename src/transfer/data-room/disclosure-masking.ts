/**
 * The P1 tier's masks (docs/domain.md §5): enough for a buyer to price the portfolio, not enough to
 * find a borrower. A name keeps its first character (张*), a national id its first 3 and last 4
 * characters (110***********1234), a phone its first 3 and last 4 digits (138****5678), a birth
 * date its year. Characters are counted as code points, so a Chinese name masks as a whole.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}

/** @example maskNationalId('110101199003071234') // '110***********1234' */
export function maskNationalId(nationalId: string): string {
  return keepEnds(nationalId, 3, 4);
}

/** @example maskPhone('13812345678') // '138****5678' */
export function maskPhone(phone: string): string {
  return keepEnds(phone, 3, 4);
}

/** @example birthYear('1990-03-07') // '1990' */
export function birthYear(birthDate: string): string {
  return birthDate.slice(0, 4);
}

/** Too short to keep both ends without showing nearly all of it: everything is masked. */
function keepEnds(value: string, head: number, tail: number): string {
  const characters = [...value.trim()];
  if (characters.length <= head + tail) return '*'.repeat(characters.length);
  return `${characters.slice(0, head).join('')}${'*'.repeat(characters.length - head - tail)}${characters.slice(-tail).join('')}`;
}
