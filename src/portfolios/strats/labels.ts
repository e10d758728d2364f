import type { PortfolioBands } from './bands';
import type { StratDimension } from './dimensions';

/** A name in both of the trade's languages: the Chinese listing's and the English one's. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** `产品 / product`: how a reader of either language finds the same row. */
export const bothLanguages = (label: Bilingual) => `${label.zh} / ${label.en}`;

/** What each strat dimension is called in a buyer's file (its API name stays the machine id). */
export const stratDimensionLabels: Readonly<Record<StratDimension, Bilingual>> = {
  balance_band: { zh: '债权余额区间', en: 'claim band' },
  months_since_charge_off: { zh: '核销后月数', en: 'months since charge-off' },
  charge_off_age: { zh: '核销账龄', en: 'charge-off age' },
  dpd_at_charge_off: { zh: '核销时逾期天数', en: 'days past due at charge-off' },
  province: { zh: '省份', en: 'province' },
  product: { zh: '产品', en: 'product' },
  charge_off_year: { zh: '核销年份', en: 'charge-off year' },
  last_payment_recency: { zh: '距最后还款月数', en: 'months since last payment' },
  borrower_age_band: { zh: '借款人年龄', en: 'borrower age' },
  litigation_status: { zh: '诉讼状态', en: 'litigation status' },
  placement_stage: { zh: '委外阶段', en: 'placement stage' },
};

/**
 * The loan fields whose stored values are machine words, and the words the trade uses for them.
 * Products are named by the lender's product table (`ProductNames`), not here.
 */
const valueLabels: Readonly<Record<string, Readonly<Record<string, Bilingual>>>> = {
  litigation_status: {
    none: { zh: '未起诉', en: 'not sued' },
    filed: { zh: '已起诉', en: 'filed' },
    judgment: { zh: '已判决', en: 'judgment' },
    enforcement: { zh: '执行中', en: 'enforcement' },
    terminated: { zh: '终本/终结', en: 'terminated' },
  },
  placement_stage: {
    fresh: { zh: '未委外', en: 'fresh (no agency yet)' },
    primary: { zh: '一手委外', en: 'primary (one agency)' },
    secondary: { zh: '二手委外', en: 'secondary (two agencies)' },
    tertiary: { zh: '三手及以上', en: 'tertiary (three or more)' },
  },
};

const UNKNOWN: Bilingual = { zh: '未知', en: 'unknown' };
const NEVER_PAID: Bilingual = { zh: '从未还款', en: 'never paid' };

/** The product table's names by product code (`listProducts` of the products room). */
export type ProductNames = ReadonlyMap<string, Bilingual>;

/**
 * A stored value of `field` in words: a product by the product table's names, a litigation status
 * or a placement stage by the table above, `unknown` as 未知; any other value (a product the table
 * does not know) as itself, its underscores read as spaces in English.
 * @example valueLabel('product', 'cash_loan', new Map([['cash_loan', { zh: '现金贷', en: 'Cash loan' }]])) // { zh: '现金贷', en: 'Cash loan' }
 */
export function valueLabel(field: string, value: string, products?: ProductNames): Bilingual {
  if (value === 'unknown') return UNKNOWN;
  const named = field === 'product' ? products?.get(value) : valueLabels[field]?.[value];
  return named ?? { zh: value, en: value.replaceAll('_', ' ') };
}

/**
 * A charge-off age class (`fresh`, `primary` … in the configured bands) named by its months since
 * charge-off, lower bound included, upper bound not: [0, 6) is "0–6 个月 / 0–6 months", the
 * last class "24 个月以上 / 24+ months". A class the bands do not know is named as itself.
 */
export function chargeOffAgeLabel(
  label: string,
  classes: PortfolioBands['chargeOffAge'],
): Bilingual {
  const index = classes.findIndex((band) => band.label === label);
  if (index < 0) return label === 'unknown' ? UNKNOWN : { zh: label, en: label };
  const from = classes[index]!.fromMonths;
  const to = classes[index + 1]?.fromMonths;
  return to === undefined
    ? { zh: `${from} 个月以上`, en: `${from}+ months` }
    : { zh: `${from}–${to} 个月`, en: `${from}–${to} months` };
}

/** The unit a banded dimension's labels count in. */
const bandUnits: Partial<Record<StratDimension, Bilingual>> = {
  balance_band: { zh: '元', en: 'CNY' },
  months_since_charge_off: { zh: '个月', en: 'months' },
  dpd_at_charge_off: { zh: '天', en: 'days' },
  last_payment_recency: { zh: '个月', en: 'months' },
  borrower_age_band: { zh: '岁', en: 'years' },
};

/**
 * A strat row's group in words: a band with its unit (`6–11 个月 / 6–11 months`), a charge-off age
 * class by its months, a machine value by the trade's word, a year as a year; the key the API
 * answers is unchanged.
 */
export function stratGroupLabel(
  dimension: StratDimension,
  key: string,
  bands: PortfolioBands,
  products?: ProductNames,
): Bilingual {
  if (key === 'unknown') return UNKNOWN;
  if (key === 'never_paid') return NEVER_PAID;
  if (dimension === 'charge_off_age') return chargeOffAgeLabel(key, bands.chargeOffAge);
  if (dimension === 'charge_off_year') return { zh: `${key} 年`, en: key };
  const unit = bandUnits[dimension];
  if (unit) return { zh: `${key} ${unit.zh}`, en: `${key} ${unit.en}` };
  return valueLabel(dimension, key, products);
}
