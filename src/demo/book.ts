import { monthsBetween, parseIsoDate, type IsoDate } from '../shared';
import { type DemoAddress, demoAddress } from './address';
import { MAX_AGE_YEARS, MIN_AGE_YEARS, newBorrower, type DemoBorrower } from './borrower';
import { chargeOffCohorts } from './cohorts';
import { draftLoan, statusMix } from './loan';
import { demoProducts, productTerms } from './products';
import { Random } from './random';
import { documentsOnFile } from './sale-facts';
import type { DemoLoanRecord } from './types';

/** What a demo book is made from: the same options always give the same book. */
export interface DemoBookOptions {
  loans: number;
  seed: number;
  /** The tape date: balances, days past due and collections are as of this day. */
  asOf: IsoDate;
}

export const defaultDemoBook: DemoBookOptions = { loans: 20_000, seed: 42, asOf: '2026-09-30' };

/** Share of loans taken by the borrower of the loan before (户数 < 笔数 on a real tape). */
const REPEAT_BORROWER_SHARE = 0.12;

/**
 * The demo loan book, one loan at a time with its collection history, so that any number of
 * loans can be written out in constant memory. Everything is drawn from one seeded stream, in
 * order: the first n loans of a larger book with the same seed and date are the book of n loans.
 * @throws RangeError for a negative or fractional loan count, a non-integer seed or an invalid date
 */
export function* generateDemoBook(options: DemoBookOptions): Generator<DemoLoanRecord> {
  const { loans, seed, asOf } = options;
  if (!Number.isSafeInteger(loans) || loans < 0)
    throw new RangeError(`loan count must be a whole number ≥ 0, got ${loans}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (parseIsoDate(asOf) !== asOf)
    throw new RangeError(`as-of date must be YYYY-MM-DD, got "${asOf}"`);
  const random = new Random(seed);
  const cohorts = chargeOffCohorts(random, asOf);
  let borrower: (DemoBorrower & DemoAddress) | undefined;
  let borrowers = 0;
  for (let sequence = 1; sequence <= loans; sequence++) {
    const product = demoProducts.draw(random);
    const terms = productTerms[product];
    const channel = terms.channels.draw(random);
    const draft = draftLoan(random, statusMix.draw(random), terms, cohorts, asOf);
    const { originationDate } = draft.fields;
    if (
      !borrower ||
      !random.chance(REPEAT_BORROWER_SHARE) ||
      !ofLendingAge(borrower, originationDate)
    ) {
      const drawn = newBorrower(random, ++borrowers, originationDate);
      borrower = { ...drawn, ...demoAddress(seed, drawn) };
    }
    yield {
      loan: {
        loanId: `L${String(sequence).padStart(8, '0')}`,
        ...borrower,
        product,
        channel,
        currency: 'CNY',
        ...draft.fields,
        servicemember: false,
        documentsComplete: documentsOnFile(seed, sequence),
      },
      events: draft.events,
    };
  }
}

function ofLendingAge(borrower: DemoBorrower, originationDate: IsoDate): boolean {
  const ageYears = Math.floor(monthsBetween(borrower.birthDate, originationDate) / 12);
  return ageYears >= MIN_AGE_YEARS && ageYears < MAX_AGE_YEARS;
}
