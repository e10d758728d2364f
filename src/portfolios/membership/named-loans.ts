import type { IsoDate, FieldError } from '../../shared';
import type { NamedLoanFacts } from './snapshot-repository';

/**
 * Why a loan named by id may not enter a portfolio cut off on `cutOffDate`, or undefined if it may:
 * it must be in the book, written off (not sold) by the cut-off, on a tape no later than the
 * cut-off, and in no active portfolio.
 */
export function namedLoanRefusal(
  facts: NamedLoanFacts | undefined,
  cutOffDate: IsoDate,
  portfolioId?: number,
): string | undefined {
  if (!facts) return 'no such loan';
  if (facts.status === 'sold') return 'the loan is already sold';
  if (facts.status !== 'charged_off' || facts.chargeOffDate === null)
    return `the loan is ${facts.status}, not written off`;
  if (facts.chargeOffDate > cutOffDate)
    return `the loan was charged off on ${facts.chargeOffDate}, after the cut-off date`;
  if (facts.tapeDate > cutOffDate)
    return `the loan's balances are from a tape dated ${facts.tapeDate}, after the cut-off date`;
  if (facts.heldBy === null) return undefined;
  return facts.heldBy === portfolioId
    ? 'the loan is already in this portfolio'
    : `the loan is in active portfolio ${facts.heldBy}`;
}

/** Field errors for a list of loan ids under `field`: each refused id, and each id listed twice. */
export function namedLoanErrors(
  field: string,
  loanIds: readonly string[],
  refusalOf: (loanId: string) => string | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  loanIds.forEach((loanId, index) => {
    const message = seen.has(loanId) ? 'the loan is listed twice' : refusalOf(loanId);
    seen.add(loanId);
    if (message !== undefined) errors.push({ field: `${field}.${index}`, value: loanId, message });
  });
  return errors;
}
