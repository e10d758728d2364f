import type { EligibilityRule } from './rule-pack';

/**
 * Rules every screening applies whatever its pack, after the pack's own: what no sale can carry,
 * under any market's practice. A loan with nothing of its claim left on the off-balance register
 * (账销案存) on the screening date has nothing to transfer: the sale's ledger entry could not book
 * it (the claim leaving the register is what the buyer buys), and a settlement that met it would
 * be stuck. A loan never entered on the register (no movement at all) is left to the pack: there
 * is no record to read.
 */
export const platformRules: readonly EligibilityRule[] = [
  {
    id: 'no_claim_left',
    action: 'exclude',
    descriptionZh: '账销案存登记簿上已无剩余债权',
    descriptionEn: 'No claim left on file (the off-balance register) on the screening date',
    predicate: (s) => s.claimOnFileFen !== null && s.claimOnFileFen <= 0,
  },
];
