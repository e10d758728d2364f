import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LOAN_TAPE_COLUMNS } from '../src/demo';

/**
 * A synthetic loan tape for the import benchmark, with realistic field widths: Chinese names and
 * places, 18-character national ids with valid check characters, 11-digit mobiles, 4 dates, 7
 * amounts and 7 flags. Seeded, so every run imports the same file.
 */

// The tape's canonical columns up to the flags: the later ones (birth date, placement…) are optional.
const HEADER = LOAN_TAPE_COLUMNS.slice(0, LOAN_TAPE_COLUMNS.indexOf('active_repayment_plan') + 1);
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强玉兰海燕晓东春梅丹';
const PLACES: [string, string, string][] = [
  ['广东省', '深圳市', '440300'],
  ['广东省', '广州市', '440100'],
  ['浙江省', '杭州市', '330100'],
  ['江苏省', '南京市', '320100'],
  ['四川省', '成都市', '510100'],
  ['湖北省', '武汉市', '420100'],
  ['北京市', '北京市', '110100'],
  ['上海市', '上海市', '310100'],
  ['河南省', '郑州市', '410100'],
  ['山东省', '济南市', '370100'],
  ['湖南省', '长沙市', '430100'],
  ['福建省', '福州市', '350100'],
];
const PRODUCTS = ['消费贷', '现金贷', '信用卡', '小微经营贷'];
const CHANNELS = ['线上', '线下', '合作方'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

function nationalId(areaCode: string, birthDay: number, sequence: number): string {
  const first17 = `${areaCode}${isoOfDay(birthDay).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return first17 + '10X98765432'.charAt(sum % 11);
}

function tapeLine(index: number, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const [province, city, areaCode] = pick(PLACES);
  const name = pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : '');
  const originationDay = 17_532 + Math.floor(random() * 1_800); // 2018-01-01 onwards
  const maturityDay = originationDay + pick([365, 730, 1095]);
  const principalFen = 100_000 + Math.floor(random() * 19_900_000);
  const balanceFen = Math.floor(principalFen * random());
  const interestFen = Math.floor(balanceFen * 0.1 * random());
  const feeFen = Math.floor(random() * 50_000);
  const penaltyFen = Math.floor(interestFen * 0.3 * random());
  const chargedOff = random() < 0.7;
  const daysPastDue = chargedOff ? 180 + Math.floor(random() * 1_200) : Math.floor(random() * 179);
  const lastPaymentDay = originationDay + 30 + Math.floor(random() * 300);
  const chargeOffDay = lastPaymentDay + 180 + Math.floor(random() * 30);
  const flag = (p: number) => (random() < p ? '1' : '0');
  const loanId = `L${String(10_000_000 + index)}`;
  return [
    loanId,
    `C${String(20_000_000 + index)}`,
    name,
    nationalId(areaCode, -3_650 + Math.floor(random() * 10_000), Math.floor(random() * 1000)),
    `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    province,
    city,
    pick(PRODUCTS),
    pick(CHANNELS),
    'CNY',
    isoOfDay(originationDay),
    isoOfDay(maturityDay),
    yuan(principalFen),
    yuan(balanceFen),
    yuan(interestFen),
    yuan(feeFen),
    yuan(penaltyFen),
    String(daysPastDue),
    isoOfDay(lastPaymentDay),
    yuan(Math.floor(random() * 500_000)),
    chargedOff ? 'charged_off' : daysPastDue > 0 ? 'delinquent' : 'current',
    chargedOff ? isoOfDay(chargeOffDay) : '',
    chargedOff ? yuan(balanceFen + interestFen + feeFen + penaltyFen) : '',
    flag(0.01),
    flag(0.005),
    flag(0.02),
    flag(0.005),
    flag(0.05),
    flag(0.02),
    flag(0.03),
  ].join(',');
}

/** Writes a tape of `rows` loans as UTF-8 CSV to `path`; returns its size in bytes. */
export async function writeTapeFile(path: string, rows: number, seed = 20260630): Promise<number> {
  const random = seeded(seed);
  const out = createWriteStream(path);
  let chunk = `${HEADER.join(',')}\n`;
  for (let index = 0; index < rows; index++) {
    chunk += `${tapeLine(index, random)}\n`;
    if (chunk.length < 1 << 20) continue;
    const flushed = out.write(chunk);
    chunk = '';
    if (!flushed) await once(out, 'drain');
  }
  out.end(chunk);
  await once(out, 'finish');
  return out.bytesWritten;
}
