const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const EIGHTEEN = /^\d{17}[\dX]$/;
const FIFTEEN = /^\d{15}$/;

/**
 * Whether a Chinese resident identity number is well formed. An 18-character id (GB 11643-1999)
 * ends in the check character "10X98765432"[S mod 11], S = Σ digitᵢ · weightᵢ over the first 17
 * digits with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. A legacy 15-digit id (issued before
 * 1999, still found on old loans) has no check character and is accepted on its shape.
 * @example isValidNationalId('11010519491231002X') // true
 */
export function isValidNationalId(id: string): boolean {
  if (id.length === 15) return FIFTEEN.test(id);
  if (!EIGHTEEN.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARACTERS.charAt(sum % 11) === id.charAt(17);
}
