/**
 * The measures a buyer reads in three places of the data room, each defined once: the tape's
 * column (one value per loan), the Summary's figure and the Strats' column (the same values
 * summed or weighted by claim over the loans on offer). The Summary's label is built from the
 * tape's, so a figure cannot say "at charge-off" over a column that counts to the cut-off.
 */
export interface Measure {
  zh: string;
  en: string;
  definitionZh: string;
  definitionEn: string;
}

export const monthsSinceChargeOff: Measure = {
  zh: '核销后月数',
  en: 'Months since charge-off',
  definitionZh: '核销日至基准日的整月数',
  definitionEn: 'Whole months from the charge-off date to the cut-off',
};

export const dpdAtChargeOff: Measure = {
  zh: '核销时逾期天数',
  en: 'DPD at charge-off',
  definitionZh: '核销当日的逾期天数',
  definitionEn: 'Days past due on the day the loan was written off',
};

export const dpdAtCutOff: Measure = {
  zh: '基准日逾期天数',
  en: 'DPD at the cut-off',
  definitionZh: '基准日的逾期天数（核销后仍持续累计）',
  definitionEn: 'Days past due at the cut-off date (they keep counting after charge-off)',
};

export const borrowerAge: Measure = {
  zh: '年龄',
  en: 'Borrower age',
  definitionZh: '截至基准日的周岁',
  definitionEn: 'Whole years at the cut-off date',
};

/** A header cell: "中文 English", so both readers find their column. */
export const headerOf = (measure: Pick<Measure, 'zh' | 'en'>) => `${measure.zh} ${measure.en}`;

/**
 * The label of a measure weighted by claim, Σ(claim · value) / Σ claim over the loans whose value
 * is known: "加权核销时逾期天数 WA DPD at charge-off".
 */
export function claimWeightedLabel(measure: Measure): string {
  const en = /^[A-Z][a-z]/.test(measure.en)
    ? measure.en[0]!.toLowerCase() + measure.en.slice(1)
    : measure.en;
  return `加权${measure.zh} WA ${en}`;
}
