/**
 * Chinese resident identity numbers (GB 11643-1999): 6-digit area code, birth date YYYYMMDD,
 * 3-digit sequence (odd for men, even for women) and a check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SEVENTEEN_DIGITS = /^\d{17}$/;
const EIGHTEEN = /^\d{17}[\dX]$/;
const FIFTEEN = /^\d{15}$/;

/**
 * The check character of the first 17 digits: S = Σ digitᵢ · weightᵢ with weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, then "10X98765432"[S mod 11].
 * @example nationalIdCheckCharacter('11010519491231002') // 'X'
 * @throws RangeError unless given exactly 17 digits
 */
export function nationalIdCheckCharacter(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Whether a resident identity number is well formed: 18 characters ending in the right check
 * character, or a legacy 15-digit id (issued before 1999, still found on old loans), accepted on
 * its shape. The birth date is not checked.
 * @example isValidNationalId('11010519491231002X') // true
 */
export function isValidNationalId(id: string): boolean {
  if (id.length === 15) return FIFTEEN.test(id);
  return EIGHTEEN.test(id) && nationalIdCheckCharacter(id.slice(0, 17)) === id.charAt(17);
}

/**
 * An id from its parts; `birthDate` is ISO `YYYY-MM-DD`, `sequence` 0–999 (its parity is the sex).
 * @example composeNationalId('110105', '1949-12-31', 2) // '11010519491231002X'
 */
export function composeNationalId(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}
