import ExcelJS from 'exceljs';
import { isValidNationalId } from '../../src/loans/tape/national-id';

/** The body of an accepted import. */
export interface ImportAnswer {
  importId: number;
  kind: string;
  rows: number;
  created: number;
  updated: number;
  fileSha256: string;
  fileBytes: number;
  ledger?: Record<string, string | number | null>;
  columns?: ImportColumns;
}

/** The columns an import answer says it took (file header → canonical name) and ignored. */
export interface ImportColumns {
  mapped: { header: string; column: string }[];
  ignored: string[];
}

/** The body of a problem answer. */
export interface ProblemAnswer {
  type: string;
  detail: string;
  errors: { row?: number; column?: string; field?: string; value?: unknown; message: string }[];
  totalErrors?: number;
  columns?: ImportColumns;
}

export const importAnswer = async (response: Response) => (await response.json()) as ImportAnswer;
export const problemAnswer = async (response: Response) => (await response.json()) as ProblemAnswer;

/** A valid 18-character national id from its first 17 digits (the check character found by trying each). */
export function nationalId(first17: string): string {
  const check = [...'0123456789X'].find((character) => isValidNationalId(first17 + character));
  if (!check) throw new Error(`no check character for ${first17}`);
  return first17 + check;
}

/** A loan-tape row with English headers, every value a string as a CSV carries it. */
export function aTapeRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    loan_id: 'L0001',
    borrower_name: '张三',
    national_id: nationalId('11010519800101001'),
    mobile_phone: '13812345678',
    province: '广东省',
    city: '深圳市',
    product: '消费贷',
    origination_date: '2022-01-15',
    maturity_date: '2023-01-15',
    original_principal: '10000.00',
    principal_balance: '8000.50',
    interest_balance: '300',
    fee_balance: '',
    penalty_balance: '12.5',
    days_past_due: '400',
    last_payment_date: '2022-06-15',
    last_payment_amount: '500.00',
    status: '',
    charge_off_date: '2023-02-01',
    charge_off_amount: '',
    bankrupt: '0',
    litigation_pending: '是',
    ...overrides,
  };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text of rows (objects with the same keys, in order), header first. */
export function csvOf(rows: Record<string, string>[], lineEnd = '\n'): string {
  const header = Object.keys(rows[0] ?? {});
  return (
    [header, ...rows.map((row) => header.map((name) => row[name] ?? ''))]
      .map((fields) => fields.map(csvField).join(','))
      .join(lineEnd) + lineEnd
  );
}

/** An .xlsx workbook with one sheet of `rows` (the first is the header), cells as given. */
export async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('tape');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Byte chunks of `bytes` cut every `size` bytes, as a stream. */
export function chunkedStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}
