import type { ChargeOffRule } from '../loans';

/** Why a loan is written off: rule codes (`dpd_threshold`, `bankrupt`, `deceased`, `stated`) and words. */
export interface WriteOffReason {
  codes: string;
  text: string;
}

/**
 * The reason a loan is written off: the charge-off rules that fire for it on the write-off date,
 * and the reason the preparer stated, if any. A write-off needs at least one of the two.
 * @example writeOffReason([{ code: 'deceased', description: 'borrower deceased' }], undefined)
 *   // { codes: 'deceased', text: 'borrower deceased' }
 * @returns undefined when no rule fires and no reason is stated
 */
export function writeOffReason(
  rules: readonly ChargeOffRule[],
  stated: string | undefined,
): WriteOffReason | undefined {
  const statedText = stated?.trim() || undefined;
  const codes = [...rules.map((rule) => rule.code), ...(statedText ? ['stated'] : [])];
  if (codes.length === 0) return undefined;
  return {
    codes: codes.join(','),
    text: [statedText, ...rules.map((rule) => rule.description)].filter(Boolean).join('; '),
  };
}
