import { type Bilingual, chargeOffAgeLabel, type ProductNames, valueLabel } from '../../portfolios';
import { defaultPortfolioBands } from '../../shared';

/** The curve set's segment dimensions (history/segments.ts) as a reader calls them. */
const dimensionLabels: Readonly<Record<string, Bilingual>> = {
  product: { zh: '产品', en: 'product' },
  balance_band: { zh: '核销余额', en: 'charge-off balance' },
  region: { zh: '地区', en: 'region' },
  charge_off_age: { zh: '核销账龄', en: 'charge-off age' },
  placement_stage: { zh: '委外阶段', en: 'placement stage' },
  litigation_status: { zh: '诉讼状态', en: 'litigation status' },
};

const grouped = (yuan: string) => Number(yuan).toLocaleString('en-US');

/** A balance band key, `5000-20000` or `100000+` (yuan, lower edge included), in words. */
function balanceBandLabel(band: string): Bilingual {
  const open = /^(\d+(?:\.\d+)?)\+$/.exec(band);
  if (open) return { zh: `${grouped(open[1]!)} 元以上`, en: `CNY ${grouped(open[1]!)}+` };
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(band);
  if (!range) return { zh: band, en: band };
  const [low, high] = [grouped(range[1]!), grouped(range[2]!)];
  return { zh: `${low}–${high} 元`, en: `CNY ${low}–${high}` };
}

function segmentValueLabel(dimension: string, value: string, products?: ProductNames): Bilingual {
  if (dimension === 'balance_band') return balanceBandLabel(value);
  if (dimension === 'charge_off_age')
    return chargeOffAgeLabel(value, defaultPortfolioBands.chargeOffAge);
  return valueLabel(dimension, value, products);
}

/**
 * A curve's segment key in words, Chinese then English: `product=cash_loan` is
 * "产品: 现金贷 / product: cash loan", `product=credit_card|charge_off_age=primary` is
 * "产品: 信用卡，核销账龄: 6–12 个月 / product: credit card, charge-off age: 6–12 months", the
 * whole book's curve (`all`) "全部贷款 / whole book". Products are named by the product table
 * (`products`), else by their code.
 */
export function segmentLabel(segment: string, products?: ProductNames): string {
  if (segment === 'all') return '全部贷款 / whole book';
  const parts = segment.split('|').map((part) => {
    const at = part.indexOf('=');
    const [dimension, value] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    const name = dimensionLabels[dimension] ?? {
      zh: dimension,
      en: dimension.replaceAll('_', ' '),
    };
    const said = segmentValueLabel(dimension, value, products);
    return { zh: `${name.zh}: ${said.zh}`, en: `${name.en}: ${said.en}` };
  });
  return `${parts.map((part) => part.zh).join('，')} / ${parts.map((part) => part.en).join(', ')}`;
}
