import type { BuyerType, ScreeningVerdict } from '../../../db';
import type { ScreeningSubject } from '../snapshot';
import { platformRules } from './platform-rules';

/** `exclude` takes the loan out of the sale; `flag` keeps it in but marks it for review. */
export type RuleAction = 'exclude' | 'flag';

/** One eligibility rule: data (id, action, descriptions) plus a predicate that says when it fires. */
export interface EligibilityRule {
  id: string;
  action: RuleAction;
  descriptionZh: string;
  descriptionEn: string;
  predicate: (subject: ScreeningSubject) => boolean;
}

/**
 * A named, versioned list of eligibility rules. The version covers every rule in it: changing a
 * rule's predicate or action means a new version, so a stored verdict names exactly the rule
 * that decided it.
 */
export interface RulePack {
  id: string;
  version: number;
  nameZh: string;
  nameEn: string;
  /** Who may buy a portfolio screened by this pack. */
  buyerTypes: readonly BuyerType[];
  rules: readonly EligibilityRule[];
}

/** The rules a screening with `pack` applies: the pack's, then the platform's (platform-rules.ts). */
export function screeningRules(pack: RulePack): readonly EligibilityRule[] {
  return [...pack.rules, ...platformRules];
}

/**
 * The ids of the rules of `pack` (and the platform's) that fire on `subject`, in order. All rules
 * run, so the record names every reason.
 * @example firedRules({ ...subject, deceased: true }, cnPersonalNpl) // ['deceased']
 */
export function firedRules(subject: ScreeningSubject, pack: RulePack): string[] {
  const fired: string[] = [];
  for (const rule of screeningRules(pack)) if (rule.predicate(subject)) fired.push(rule.id);
  return fired;
}

/**
 * The verdict that the rules `firedRuleIds` of `pack` make: excluded if any is an `exclude` rule,
 * flagged if all are `flag` rules, eligible if there are none.
 * @throws Error for a rule id the pack does not have
 */
export function verdictOfFired(firedRuleIds: readonly string[], pack: RulePack): ScreeningVerdict {
  if (firedRuleIds.length === 0) return 'eligible';
  const actions = firedRuleIds.map((id) => {
    const rule = screeningRules(pack).find((candidate) => candidate.id === id);
    if (!rule) throw new Error(`rule pack ${pack.id} v${pack.version} has no rule ${id}`);
    return rule.action;
  });
  return actions.includes('exclude') ? 'excluded' : 'flagged';
}

/** The rule table of a pack (and the platform's rules) without predicates: what a screening stores and the API shows. */
export function ruleTable(
  pack: RulePack,
): { id: string; action: RuleAction; descriptionZh: string; descriptionEn: string }[] {
  return screeningRules(pack).map(({ id, action, descriptionZh, descriptionEn }) => ({
    id,
    action,
    descriptionZh,
    descriptionEn,
  }));
}
