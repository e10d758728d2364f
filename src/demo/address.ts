import { Random } from './random';

/** A borrower's mailing address (通讯地址) and its postal code, as a loan tape carries them. */
export interface DemoAddress {
  mailingAddress: string;
  postalCode: string;
}

/**
 * The first two digits of postal codes by province (China Post's zones; the capital's zone where
 * a province has several): a code of the demo's province is then a plausible one.
 */
const POSTAL_ZONES: Readonly<Record<string, string>> = {
  北京市: '10',
  天津市: '30',
  上海市: '20',
  重庆市: '40',
  河北省: '05',
  山西省: '03',
  内蒙古自治区: '01',
  辽宁省: '11',
  吉林省: '13',
  黑龙江省: '15',
  江苏省: '21',
  浙江省: '31',
  安徽省: '23',
  福建省: '35',
  江西省: '33',
  山东省: '25',
  河南省: '45',
  湖北省: '43',
  湖南省: '41',
  广东省: '51',
  广西壮族自治区: '53',
  海南省: '57',
  四川省: '61',
  贵州省: '55',
  云南省: '65',
  西藏自治区: '85',
  陕西省: '71',
  甘肃省: '73',
  青海省: '81',
  宁夏回族自治区: '75',
  新疆维吾尔自治区: '83',
};

/** Street names found in almost every Chinese city. */
const STREETS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '和平路',
  '新华路',
  '文化路',
  '胜利路',
  '朝阳路',
  '东风路',
  '长江路',
  '青年路',
  '学府路',
  '光明路',
  '幸福路',
  '迎宾大道',
];

/** FNV-1a of `text`, a 32-bit seed. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

/**
 * A plausible, fictitious address in the borrower's city: street, number, building and flat, and
 * a postal code of the province's zone. Drawn from its own stream, seeded by the book's seed and
 * the borrower, so adding it changed no other figure of the book, and every loan of a borrower
 * carries the same address.
 * @example demoAddress(42, { borrowerId: 'B00000001', province: '广东省', city: '深圳市' })
 *   // { mailingAddress: '广东省深圳市长江路118号7栋1203室', postalCode: '514620' } (say)
 */
export function demoAddress(
  seed: number,
  borrower: { borrowerId: string; province: string; city: string },
): DemoAddress {
  const random = new Random(hashSeed(`${seed}:address:${borrower.borrowerId}`));
  const place =
    borrower.province === borrower.city ? borrower.city : `${borrower.province}${borrower.city}`;
  const street = random.pick(STREETS);
  const number = random.int(1, 399);
  const building = random.int(1, 30);
  const flat = random.int(1, 32) * 100 + random.int(1, 8);
  const zone = POSTAL_ZONES[borrower.province] ?? '10';
  return {
    mailingAddress: `${place}${street}${number}号${building}栋${flat}室`,
    postalCode: `${zone}${String(random.int(0, 99)).padStart(2, '0')}00`,
  };
}
