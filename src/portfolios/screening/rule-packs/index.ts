import type { RulePack } from '../rule-pack';
import { cnPersonalNpl } from './cn-personal-npl';
import { usDebtSale } from './us-debt-sale';

export const rulePackIds = ['cn-personal-npl', 'us-debt-sale'] as const;
export type RulePackId = (typeof rulePackIds)[number];

/** The built-in rule packs by id, each at its current version. */
export const rulePacks: Readonly<Record<RulePackId, RulePack>> = {
  'cn-personal-npl': cnPersonalNpl,
  'us-debt-sale': usDebtSale,
};
