import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newBorrower, demoProducts, Random } from '../src/demo';
import { fromDayNumber } from '../src/shared';
import { type CellValue, createStreamingWorkbook, type WorkbookColumn } from '../src/xlsx';

/** The loan tape's 25 columns: ids, name, phone, national id, places, product, 4 dates, 7 amounts, a rate, 3 counts. */
const TAPE_COLUMNS: WorkbookColumn[] = [
  { header: 'loan_id', kind: 'id', width: 12 },
  { header: 'borrower_id', kind: 'id', width: 12 },
  { header: 'borrower_name', kind: 'text', width: 10 },
  { header: 'national_id', kind: 'id', width: 20 },
  { header: 'mobile_phone', kind: 'id', width: 13 },
  { header: 'province', kind: 'text', width: 12 },
  { header: 'city', kind: 'text', width: 10 },
  { header: 'product', kind: 'text', width: 14 },
  { header: 'channel', kind: 'text', width: 9 },
  { header: 'status', kind: 'text', width: 12 },
  { header: 'origination_date', kind: 'date', width: 12 },
  { header: 'maturity_date', kind: 'date', width: 12 },
  { header: 'last_payment_date', kind: 'date', width: 12 },
  { header: 'charge_off_date', kind: 'date', width: 12 },
  { header: 'original_principal', kind: 'money', width: 14 },
  { header: 'principal_balance', kind: 'money', width: 14 },
  { header: 'interest_balance', kind: 'money', width: 14 },
  { header: 'fee_balance', kind: 'money', width: 12 },
  { header: 'penalty_balance', kind: 'money', width: 12 },
  { header: 'last_payment_amount', kind: 'money', width: 12 },
  { header: 'charge_off_amount', kind: 'money', width: 14 },
  { header: 'annual_rate', kind: 'rate', width: 9 },
  { header: 'days_past_due', kind: 'integer', width: 8 },
  { header: 'term_months', kind: 'integer', width: 8 },
  { header: 'payments_made', kind: 'integer', width: 8 },
];
const CHANNELS = ['app', 'web', 'partner', 'offline'];
/** 2018-01-01 as a day number: loans originate over the five years from it. */
const FIRST_ORIGINATION_DAY = 17_532;
/** ISO dates from then on, made once: the generator should not cost more than the writer. */
const ISO_DAYS = Array.from({ length: 4_000 }, (_, offset) =>
  fromDayNumber(FIRST_ORIGINATION_DAY + offset),
);
const isoDay = (offset: number) => ISO_DAYS[offset]!;

/** One synthetic charged-off loan as tape values (amounts in fen), seeded so every run writes the same file. */
function tapeRow(random: Random, index: number): CellValue[] {
  const originatedOffset = random.int(0, 1_800);
  const originated = isoDay(originatedOffset);
  const borrower = newBorrower(random, index, originated);
  const termMonths = random.pick([12, 24, 36]);
  const principalFen = random.int(100_000, 20_000_000);
  const balanceFen = Math.floor(principalFen * random.next());
  const interestFen = Math.floor(balanceFen * 0.1 * random.next());
  const feeFen = random.int(0, 50_000);
  const penaltyFen = Math.floor(interestFen * 0.3 * random.next());
  const paymentsMade = random.int(0, termMonths - 1);
  const lastPaymentOffset = originatedOffset + 30 * paymentsMade + random.int(0, 29);
  return [
    `L${10_000_000 + index}`,
    borrower.borrowerId,
    borrower.borrowerName,
    borrower.nationalId,
    borrower.mobilePhone,
    borrower.province,
    borrower.city,
    demoProducts.draw(random),
    random.pick(CHANNELS),
    'charged_off',
    originated,
    isoDay(originatedOffset + termMonths * 30),
    isoDay(lastPaymentOffset),
    isoDay(lastPaymentOffset + 180),
    principalFen,
    balanceFen,
    interestFen,
    feeFen,
    penaltyFen,
    random.int(0, 500_000),
    balanceFen + interestFen + feeFen + penaltyFen,
    random.int(500, 3_600) / 10_000,
    180 + random.int(0, 1_200),
    termMonths,
    paymentsMade,
  ];
}

/**
 * The `xlsx-writer` case: the writer alone, streaming a data room of `--rows` loans (1,000,000 by default) to a temp
 * file, a read-me sheet and the 25-column loan tape, at zlib `--level` (1 by default). The loans
 * are generated as they are written (holding them first would cost more memory than the writer),
 * so seconds and peak RSS include making them. `--keep FILE` keeps the workbook (for
 * scripts/check-data-room.sh).
 */
export async function dataRoomCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '1000000' },
      level: { type: 'string', default: '1' },
      keep: { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const folder = mkdtempSync(join(tmpdir(), 'bench-data-room-'));
  try {
    const path = values.keep ?? join(folder, 'data-room.xlsx');
    const random = new Random(20_260_630);
    const started = performance.now();
    const book = createStreamingWorkbook(createWriteStream(path, { highWaterMark: 1 << 20 }), {
      compressionLevel: Number(values.level),
      properties: { title: 'Data room (benchmark)', author: 'bench' },
    });
    const readMe = book.addFreeSheet('Read-me', { widths: [24, 60] });
    await readMe.addRow(['Data room (benchmark)'], { bold: true, spanColumns: 2 });
    await readMe.addRow(['Loans', { kind: 'integer', value: rows }]);
    await readMe.end();
    const tape = book.addSheet('Loan tape', TAPE_COLUMNS);
    for (let index = 0; index < rows; index++) await tape.addRow(tapeRow(random, index));
    await tape.end();
    const file = await book.finish();
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      JSON.stringify({
        case: 'xlsx-writer',
        rows,
        seconds: Number(seconds.toFixed(2)),
        peakRssMb,
        rowsPerSecond: Math.round(rows / seconds),
        fileMb: Math.round(file.bytes / 1e6),
        level: Number(values.level),
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
