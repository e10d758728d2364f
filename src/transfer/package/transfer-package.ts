import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { AuditActor } from '../../audit';
import { requirePortfolio } from '../../portfolios';
import { addFen, type AppDeps, type Fen, Problem, transferTermsOf, ZERO_FEN } from '../../shared';
import { type StartedDownload, startDownload, streamDataRoom } from '../data-room';
import { findBuyer } from '../offers';
import { borrowerPages, type PackageLoan } from './package-rows';
import { requireSale, saleFigures, type SaleRow } from '../sale';
import {
  noticeAnchor,
  noticeNationalId,
  transferNoticesHtml,
  type TransferNotice,
} from './transfer-notice';
import {
  ByteSink,
  type WrittenFile,
  createStreamingWorkbook,
  type StreamingWorkbook,
  ZipWriter,
  type ZipEntry,
} from '../../xlsx';

/** What the manifest says of each file, and the figures that must tie out. */
export interface PackageManifest {
  sale: {
    id: number;
    portfolioId: number;
    buyer: string;
    seller: string;
    cutOffDate: string;
    contractEffectiveDate: string;
    deliveryDate: string;
    price: string;
  };
  counts: { loans: number; borrowers: number; notices: number; noticeFiles: number };
  totals: { claim: string; allocatedPrice: string; saleClaim: string; salePrice: string };
  ties: {
    allocationSumsToPrice: boolean;
    scheduleClaimIsSaleClaim: boolean;
    oneNoticePerBorrower: boolean;
  };
  files: { path: string; bytes: number; sha256: string }[];
}

const PAGE_LOANS = 5_000;
/**
 * Borrowers per notice file, each on a printed page of its own: a million borrowers make 2,000
 * files, which a zip without zip64 (65,535 entries) and a manifest in memory both hold easily.
 */
const NOTICES_PER_FILE = 500;
const noticeFile = (borrowerIndex: number) =>
  `notices/notices-${String(Math.floor(borrowerIndex / NOTICES_PER_FILE) + 1).padStart(5, '0')}.html`;
const fen = (value: number) => (value / 100).toFixed(2);

/** A transfer package begun: its sale, what its notices say, and its P2 data room copy, recorded. */
export interface StartedPackage {
  sale: SaleRow;
  notice: NoticeTerms;
  dataRoom: StartedDownload;
}

/**
 * Begins a signed sale's transfer package before a byte of it is written: the sale's terms, and
 * the record of the clear (P2) data room copy it carries, so that the download's start can name it.
 * @throws Problem not_found; conflict for a sale not signed yet
 */
export function startTransferPackage(
  deps: AppDeps,
  actor: AuditActor,
  saleId: number,
): StartedPackage {
  const { sale, notice } = packageTerms(deps, saleId);
  const dataRoom = deps.db.transaction((tx) =>
    startDownload(
      { tx, deps, actor },
      {
        portfolioId: sale.portfolioId,
        buyerOrganisationId: sale.buyerOrganisationId,
        tier: 'P2',
      },
    ),
  );
  return { sale, notice, dataRoom };
}

/**
 * Writes a signed sale's transfer package as a zip into `output` (docs/domain.md §5): the clear (P2)
 * data room made for the buyer, the asset schedule (资产明细表: each loan with its claim and
 * allocated price), a printable transfer notice per borrower (债权转让通知, a page each, 500 to a
 * file) and a mail-merge
 * sheet of the same data, and a manifest with each file's SHA-256 and the counts and totals that
 * tie out. Everything streams: the loans are read a page of borrowers at a time. Sent over HTTP,
 * the download is audited by the route's download mechanism (`sendAuditedDownload`).
 * @throws Problem not_found; conflict for a sale not signed yet
 */
export async function writeTransferPackage(
  deps: AppDeps,
  actor: AuditActor,
  saleId: number,
  output: Writable,
  started: StartedPackage = startTransferPackage(deps, actor, saleId),
): Promise<{ manifest: PackageManifest; written: WrittenFile }> {
  const { sale, notice } = started;
  const sink = new ByteSink(output);
  const zip = new ZipWriter(sink, { compressionLevel: 1, modifiedAt: new Date(deps.clock.now()) });
  const files: PackageManifest['files'] = [];
  files.push({
    path: 'data-room-P2.xlsx',
    ...(await intoEntry(zip, 'data-room-P2.xlsx', (writable) =>
      streamDataRoom(deps, actor, started.dataRoom, writable),
    ).then(({ bytes, sha256 }) => ({ bytes, sha256 }))),
  });
  const schedule = await intoEntry(zip, 'asset-schedule.xlsx', (writable) =>
    writeWorkbook(writable, notice, (book) => writeAssetSchedule(deps, book, saleId)),
  );
  files.push({ path: 'asset-schedule.xlsx', bytes: schedule.bytes, sha256: schedule.sha256 });
  const counted = await writeNotices(deps, zip, saleId, notice, files);
  const mailMerge = await intoEntry(zip, 'notices-mail-merge.xlsx', (writable) =>
    writeWorkbook(writable, notice, (book) => writeMailMerge(deps, book, saleId, notice)),
  );
  files.push({ path: 'notices-mail-merge.xlsx', bytes: mailMerge.bytes, sha256: mailMerge.sha256 });
  const manifest = manifestOf(sale, notice, counted, files);
  await zip.addFile('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  await zip.finish();
  const written = await sink.end();
  return { manifest, written };
}

/** The sale (signed or settled) and what every notice says of it. */
function packageTerms(deps: AppDeps, saleId: number): { sale: SaleRow; notice: NoticeTerms } {
  return deps.db.transaction((tx) => {
    const sale = requireSale(tx, saleId);
    if (sale.status === 'awarded' || sale.status === 'cancelled')
      throw new Problem(
        'conflict',
        `sale ${saleId} is ${sale.status}: the transfer package follows signing`,
      );
    const buyer = findBuyer(tx, sale.buyerOrganisationId);
    const portfolio = requirePortfolio(tx, sale.portfolioId);
    const { sellerName } = transferTermsOf(deps.config);
    return {
      sale,
      notice: {
        portfolioName: portfolio.name,
        sellerName,
        buyerName: buyer?.name ?? '',
        buyerPaymentDetails:
          buyer?.paymentDetails ?? '（受让人另行通知 the assignee will tell you）',
        cutOffDate: sale.cutOffDate,
        contractEffectiveDate: sale.contractEffectiveDate,
        deliveryDate: sale.deliveryDate,
        noticeDate: sale.deliveryDate,
      },
    };
  });
}

type NoticeTerms = Omit<
  TransferNotice,
  'borrowerName' | 'nationalId' | 'mailingAddress' | 'postalCode' | 'loans'
> & {
  portfolioName: string;
};

function noticeOf(terms: NoticeTerms, loans: readonly PackageLoan[]): TransferNotice {
  const { portfolioName: _portfolio, ...notice } = terms;
  return {
    ...notice,
    borrowerName: loans[0]!.borrowerName,
    nationalId: loans[0]!.nationalId,
    mailingAddress: loans[0]!.mailingAddress,
    postalCode: loans[0]!.postalCode,
    loans: loans.map(({ loanId, claimFen }) => ({ loanId, claimFen })),
  };
}

interface NoticeCounts {
  loans: number;
  borrowers: number;
  notices: number;
  claimFen: Fen;
  priceFen: Fen;
}

/** The notices, `NOTICES_PER_FILE` borrowers to a file, in borrower order; adds each file to `files` and counts what went in. */
async function writeNotices(
  deps: AppDeps,
  zip: ZipWriter,
  saleId: number,
  terms: NoticeTerms,
  files: PackageManifest['files'],
): Promise<NoticeCounts> {
  const counted: NoticeCounts = {
    loans: 0,
    borrowers: 0,
    notices: 0,
    claimFen: ZERO_FEN,
    priceFen: ZERO_FEN,
  };
  let batch: (TransferNotice & { borrowerId: string })[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const path = noticeFile(counted.notices);
    const html = transferNoticesHtml(batch);
    await zip.addFile(path, html);
    files.push({
      path,
      bytes: Buffer.byteLength(html),
      sha256: createHash('sha256').update(html).digest('hex'),
    });
    counted.notices += batch.length;
    batch = [];
  };
  for await (const borrowers of borrowerPages(deps.db, saleId, PAGE_LOANS)) {
    for (const loans of borrowers) {
      batch.push({ ...noticeOf(terms, loans), borrowerId: loans[0]!.borrowerId });
      counted.borrowers += 1;
      for (const loan of loans)
        [counted.loans, counted.claimFen, counted.priceFen] = [
          counted.loans + 1,
          addFen(counted.claimFen, loan.claimFen),
          addFen(counted.priceFen, loan.priceFen),
        ];
      if (batch.length === NOTICES_PER_FILE) await flush();
    }
  }
  await flush();
  return counted;
}

/** Runs `write` into a zip entry through a Writable, and ends the entry; answers what `write` answers. */
async function intoEntry<T>(
  zip: ZipWriter,
  path: string,
  write: (output: Writable) => Promise<T>,
): Promise<T> {
  const entry = await zip.openEntry(path);
  const result = await write(entryWritable(entry));
  await entry.end();
  return result;
}

function entryWritable(entry: ZipEntry): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      entry.write(chunk).then(() => callback(), callback);
    },
  });
}

async function writeWorkbook(
  output: Writable,
  terms: NoticeTerms,
  write: (book: StreamingWorkbook) => Promise<void>,
): Promise<WrittenFile> {
  const book = createStreamingWorkbook(output, {
    properties: { title: terms.portfolioName, author: terms.sellerName },
  });
  await write(book);
  return book.finish();
}

/** 资产明细表: one row per loan sold, by loan id, with its claim and its allocated price. */
async function writeAssetSchedule(
  deps: AppDeps,
  book: StreamingWorkbook,
  saleId: number,
): Promise<void> {
  const sheet = book.addSheet('资产明细表 Asset schedule', [
    { header: '贷款编号 Loan id', kind: 'id', width: 14 },
    { header: '借款人编号 Borrower id', kind: 'id', width: 14 },
    { header: '借款人 Borrower', kind: 'text', width: 12 },
    { header: '身份证号 National id', kind: 'id', width: 20 },
    { header: '本金 Principal', kind: 'money', width: 14 },
    { header: '利息 Interest', kind: 'money', width: 12 },
    { header: '费用 Fees', kind: 'money', width: 12 },
    { header: '罚息 Penalty', kind: 'money', width: 12 },
    { header: '转让债权 Claim transferred', kind: 'money', width: 16 },
    { header: '分摊价格 Allocated price', kind: 'money', width: 16 },
  ]);
  for await (const borrowers of borrowerPages(deps.db, saleId, PAGE_LOANS)) {
    for (const loan of borrowers.flat()) {
      await sheet.addRow([
        loan.loanId,
        loan.borrowerId,
        loan.borrowerName,
        loan.nationalId,
        loan.principalFen,
        loan.interestFen,
        loan.feeFen,
        loan.penaltyFen,
        loan.claimFen,
        loan.priceFen,
      ]);
    }
  }
  await sheet.end();
}

/**
 * The notices' data, a row per borrower, for a mail merge: the envelope's address and postal code,
 * and the national id masked as the notice prints it (the asset schedule has it in full).
 */
async function writeMailMerge(
  deps: AppDeps,
  book: StreamingWorkbook,
  saleId: number,
  terms: NoticeTerms,
): Promise<void> {
  const sheet = book.addSheet('债权转让通知 Notices', [
    { header: '借款人编号 Borrower id', kind: 'id', width: 14 },
    { header: '借款人 Borrower', kind: 'text', width: 12 },
    { header: '身份证号（后四位）National id (last 4)', kind: 'id', width: 20 },
    { header: '手机号 Mobile phone', kind: 'id', width: 14 },
    { header: '通讯地址 Mailing address', kind: 'text', width: 40 },
    { header: '邮政编码 Postal code', kind: 'id', width: 10 },
    { header: '贷款编号 Loans', kind: 'text', width: 30 },
    { header: '转让金额 Amount transferred', kind: 'money', width: 16 },
    { header: '受让人 Assignee', kind: 'text', width: 30 },
    { header: '还款账户 Pay to', kind: 'text', width: 50 },
    { header: '原债权人 Assignor', kind: 'text', width: 30 },
    { header: '基准日 Cut-off date', kind: 'date', width: 12 },
    { header: '合同生效日 Contract effective', kind: 'date', width: 12 },
    { header: '交割日 Delivery date', kind: 'date', width: 12 },
    { header: '通知文件 Notice file', kind: 'text', width: 28 },
  ]);
  let borrowerIndex = 0;
  for await (const borrowers of borrowerPages(deps.db, saleId, PAGE_LOANS)) {
    for (const loans of borrowers) {
      const first = loans[0]!;
      const file = `${noticeFile(borrowerIndex++)}#${noticeAnchor(first.borrowerId)}`;
      const amountFen = loans.reduce((sum, loan) => sum + loan.claimFen, 0);
      const loanIds = loans.map((loan) => loan.loanId).join(', ');
      await sheet.addRow([
        first.borrowerId,
        first.borrowerName,
        noticeNationalId(first.nationalId),
        first.mobilePhone,
        first.mailingAddress,
        first.postalCode,
        loanIds,
        amountFen,
        terms.buyerName,
        terms.buyerPaymentDetails,
        terms.sellerName,
        terms.cutOffDate,
        terms.contractEffectiveDate,
        terms.deliveryDate,
        file,
      ]);
    }
  }
  await sheet.end();
}

/** The manifest; its totals tie to the sale as it stands: net of the bring-down and of put-backs. */
function manifestOf(
  sale: SaleRow,
  terms: NoticeTerms,
  counted: NoticeCounts,
  files: PackageManifest['files'],
): PackageManifest {
  const { net } = saleFigures(sale);
  return {
    sale: {
      id: sale.id,
      portfolioId: sale.portfolioId,
      buyer: terms.buyerName,
      seller: terms.sellerName,
      cutOffDate: sale.cutOffDate,
      contractEffectiveDate: sale.contractEffectiveDate,
      deliveryDate: sale.deliveryDate,
      price: fen(sale.priceFen),
    },
    counts: {
      loans: counted.loans,
      borrowers: counted.borrowers,
      notices: counted.notices,
      noticeFiles: files.filter((file) => file.path.startsWith('notices/')).length,
    },
    totals: {
      claim: fen(counted.claimFen),
      allocatedPrice: fen(counted.priceFen),
      saleClaim: fen(net.claimFen),
      salePrice: fen(net.priceFen),
    },
    ties: {
      allocationSumsToPrice: counted.priceFen === net.priceFen,
      scheduleClaimIsSaleClaim: counted.claimFen === net.claimFen && counted.loans === net.loans,
      oneNoticePerBorrower: counted.notices === counted.borrowers,
    },
    files,
  };
}
