import { defaultLedgerPolicy, type LedgerPolicy, type PlatformConfig } from '../shared';

export { defaultLedgerPolicy, type LedgerPolicy };

/** The configured ledger policy, each choice falling back to its default. */
export function ledgerPolicyOf(config: PlatformConfig): LedgerPolicy {
  return { ...defaultLedgerPolicy, ...config.ledger };
}
