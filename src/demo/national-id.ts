/**
 * Chinese resident identity numbers (GB 11643-1999): 6-digit area code, birth date YYYYMMDD,
 * 3-digit sequence (odd for men, even for women) and a check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SEVENTEEN_DIGITS = /^\d{17}$/;
const NATIONAL_ID = /^\d{17}[\dX]$/;

/**
 * The check character of the first 17 digits: S = Σ digitᵢ · weightᵢ with weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, then "10X98765432"[S mod 11].
 * @example nationalIdCheckCharacter('11010519491231002') // 'X'
 * @throws RangeError unless given exactly 17 digits
 */
export function nationalIdCheckCharacter(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** Whether an 18-character id has the right shape and check character (the birth date is not checked). */
export function hasValidCheckCharacter(nationalId: string): boolean {
  return NATIONAL_ID.test(nationalId) && nationalIdCheckCharacter(nationalId.slice(0, 17)) === nationalId.charAt(17);
}

/**
 * An id from its parts; `birthDate` is ISO `YYYY-MM-DD`, `sequence` 0–999 (its parity is the sex).
 * @example composeNationalId('110105', '1949-12-31', 2) // '11010519491231002X'
 */
export function composeNationalId(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}
