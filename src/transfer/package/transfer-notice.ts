import { type Fen, formatFen, sumFen } from '../../shared';

/** A borrower's notice of assignment (债权转让通知): what the borrower owes the buyer now, and where to pay. */
export interface TransferNotice {
  borrowerName: string;
  nationalId: string;
  /** Where the notice is posted; null when the tape had no address (the envelope is then addressed by hand). */
  mailingAddress: string | null;
  postalCode: string | null;
  loans: { loanId: string; claimFen: Fen }[];
  sellerName: string;
  buyerName: string;
  buyerPaymentDetails: string;
  cutOffDate: string;
  contractEffectiveDate: string;
  deliveryDate: string;
  noticeDate: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A national id as a notice prints it: every character masked but the last four
 * (个人信息保护法 art. 51: the least a letter needs to show the borrower it is theirs; an
 * envelope can be opened by anyone in the household).
 * @example noticeNationalId('110101199003071234') // '**************1234'
 */
export function noticeNationalId(nationalId: string): string {
  const characters = [...nationalId.trim()];
  const shown = characters.length > 4 ? characters.slice(-4).join('') : '';
  return '*'.repeat(characters.length - shown.length) + shown;
}

/**
 * An amount in yuan as a letter prints it, with thousands separators.
 * @example noticeAmount(123456789 as Fen) // '1,234,567.89'
 */
export function noticeAmount(fen: Fen): string {
  const plain = formatFen(fen);
  const [whole, decimals] = plain.split('.') as [string, string];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}.${decimals}`;
}

/** The amount transferred: the loans' claims at the cut-off. */
function noticeTotalFen(notice: TransferNotice): Fen {
  return sumFen(notice.loans.map((loan) => loan.claimFen));
}

/** The id a borrower's notice carries in its file: `notices-00001.html#notice-B0000123`. */
export function noticeAnchor(borrowerId: string): string {
  return `notice-${borrowerId.replace(/[^\p{L}\p{N}_-]/gu, '_')}`;
}

/**
 * A printable HTML document of notices, each its own A4 page (no scripts, no external resources).
 * Under 民法典 art. 546 an assignment binds the borrower only once notified: each notice names the
 * buyer, the amount transferred and where to pay from now on (docs/domain.md §5). Each opens
 * with the borrower's postal address (for a window envelope), shows the national id masked but for
 * its last four characters and amounts with thousands separators, and ends with a place for each
 * party's seal (盖章处). Every value is HTML-escaped.
 */
export function transferNoticesHtml(
  notices: readonly (TransferNotice & { borrowerId: string })[],
): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>债权转让通知书 Notices of assignment</title>
<style>@page{size:A4;margin:20mm}body{font-family:"Noto Serif CJK SC","SimSun",serif;font-size:11pt;line-height:1.45}section+section{page-break-before:always;break-before:page}h1{text-align:center;font-size:16pt;margin:.4em 0}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px 6px}.n{text-align:right;white-space:nowrap}.en{color:#444;font-size:10pt}.address{margin:0 0 1.2em;line-height:1.3}.signatures{width:100%;margin-top:1.5em;border:none}.signatures td{border:none;vertical-align:top;width:50%}.seal{display:inline-block;width:42mm;height:42mm;border:1px dashed #888;border-radius:50%;text-align:center;line-height:42mm;color:#888;font-size:10pt;margin-top:.5em}</style>
</head><body>
${notices.map((notice, index) => noticeSection(notice, noticeAnchor(notice.borrowerId), index > 0)).join('\n')}
</body></html>
`;
}

/** The address block at the top of the letter, as a window envelope shows it. */
function addressBlock(notice: TransferNotice, newPage: boolean): string {
  const e = escapeHtml;
  const lines = [
    notice.postalCode === null ? '' : `邮编 Postal code：${e(notice.postalCode)}`,
    notice.mailingAddress === null
      ? '通讯地址 Address：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿'
      : e(notice.mailingAddress),
    `${e(notice.borrowerName)} 收`,
  ].filter((line) => line !== '');
  // Inline on the paragraph as well: LibreOffice's HTML import (scripts/render-pdf.sh) did not
  // break pages on the section's style sheet rule alone.
  const style = newPage ? ' style="page-break-before:always"' : '';
  return `<p class="address"${style}>${lines.join('<br>')}</p>`;
}

function noticeSection(notice: TransferNotice, anchor: string, newPage: boolean): string {
  const e = escapeHtml;
  const rows = notice.loans
    .map(
      (loan) =>
        `<tr><td>${e(loan.loanId)}</td><td class="n">${noticeAmount(loan.claimFen)}</td></tr>`,
    )
    .join('');
  return `<section id="${e(anchor)}">
${addressBlock(notice, newPage)}
<h1>债权转让通知书<br><span class="en">Notice of assignment of debt</span></h1>
<p>${e(notice.borrowerName)}（身份证号 ${e(noticeNationalId(notice.nationalId))}）：</p>
<p>根据《中华人民共和国民法典》第五百四十六条，${e(notice.sellerName)}（原债权人）已将其对您享有的下列债权及其从权利转让给${e(notice.buyerName)}（受让人）。交易基准日为 ${e(notice.cutOffDate)}，转让合同自 ${e(notice.contractEffectiveDate)} 起生效，交割日为 ${e(notice.deliveryDate)}。</p>
<p class="en">Under article 546 of the Civil Code of the PRC, ${e(notice.sellerName)} (the original creditor) has assigned the claims below, with their ancillary rights, to ${e(notice.buyerName)} (the assignee). Cut-off date ${e(notice.cutOffDate)}; contract effective ${e(notice.contractEffectiveDate)}; delivery date ${e(notice.deliveryDate)}.</p>
<table><thead><tr><th>贷款编号 Loan</th><th>转让债权金额（元）Amount transferred (CNY)</th></tr></thead>
<tbody>${rows}<tr><th>合计 Total</th><th class="n">${noticeAmount(noticeTotalFen(notice))}</th></tr></tbody></table>
<p>自收到本通知之日起，请向受让人履行还款义务：${e(notice.buyerPaymentDetails)}。</p>
<p class="en">From receipt of this notice, please pay the assignee: ${e(notice.buyerPaymentDetails)}.</p>
<table class="signatures"><tr>
<td>原债权人 Assignor：${e(notice.sellerName)}<br><span class="seal">盖章处 / seal</span></td>
<td>受让人 Assignee：${e(notice.buyerName)}<br><span class="seal">盖章处 / seal</span></td>
</tr></table>
<p>通知日期 Date：${e(notice.noticeDate)}</p>
</section>`;
}
