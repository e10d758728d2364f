import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { biddingClosed, dealOnDemoBook, settled, type Deal, type Json } from './deal';

// Every download is in the audit trail from its start (before the first byte: who, what, tier,
// copy) to its end: complete, with the SHA-256 of the bytes sent, or aborted, with how many were
// sent. One mechanism serves data rooms, transfer packages and the ledger's workbooks.

interface AuditRow {
  action: string;
  actor: string;
  targetType: string;
  targetId: string;
  fileSha256: string | null;
  requestId: string | null;
  detail: Json;
}

function auditOf(deal: Deal, actionLike: string): AuditRow[] {
  return (
    deal.t.db.$client
      .prepare(
        `select action, actor, target_type as targetType, target_id as targetId,
                file_sha256 as fileSha256, request_id as requestId, detail
           from audit_events where action like ? order by id`,
      )
      .all(actionLike) as (Omit<AuditRow, 'detail'> & { detail: string })[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Json }));
}

/** Reads `chunks` chunks of the body (all of it when undefined), then cancels the rest. */
async function readPart(response: Response, chunks?: number): Promise<Buffer> {
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  for (let i = 0; chunks === undefined || i < chunks; i++) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(parts);
    parts.push(value);
  }
  await reader.cancel();
  return Buffer.concat(parts);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a clear (P2) data room download', () => {
  let deal: Deal;
  let path: string;
  beforeAll(async () => {
    deal = await dealOnDemoBook(300);
    const { demoBid } = await biddingClosed(deal, { demo: '43210.99' });
    await settled(deal, demoBid);
    path = `/buyer/portfolios/${deal.portfolioId}/data-room?tier=P2`;
  });

  it('is audited as started before the first byte, naming who, what, the tier and the copy', async () => {
    const response = await deal.send('buyer', 'GET', path);
    expect(response.status).toBe(200);
    const started = auditOf(deal, 'transfer.data_room.download_started');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      actor: expect.stringContaining('buyer'),
      targetType: 'portfolio',
      targetId: String(deal.portfolioId),
      requestId: response.headers.get('X-Request-Id'),
      detail: { tier: 'P2', buyerOrganisationId: deal.demoBuyer, downloadId: expect.any(Number) },
    });
    expect(auditOf(deal, 'transfer.data_room.download%').map((event) => event.action)).toEqual([
      'transfer.data_room.download_started',
    ]);
    const bytes = await readPart(response);
    await settle();
    const [done] = auditOf(deal, 'transfer.data_room.downloaded');
    expect(done).toMatchObject({
      fileSha256: sha256(bytes),
      requestId: started[0]!.requestId,
      detail: { tier: 'P2', downloadId: started[0]!.detail.downloadId, bytes: bytes.length },
    });
  });

  it('cut off mid-stream is audited as aborted, with the bytes the buyer received', async () => {
    const response = await deal.send('buyer', 'GET', path);
    const received = await readPart(response, 2);
    await settle();
    const started = auditOf(deal, 'transfer.data_room.download_started').at(-1)!;
    const aborted = auditOf(deal, 'transfer.data_room.download_aborted');
    expect(aborted).toHaveLength(1);
    expect(aborted[0]).toMatchObject({
      requestId: started.requestId,
      fileSha256: null,
      detail: {
        tier: 'P2',
        downloadId: started.detail.downloadId,
        reason: 'client_closed',
        bytes: received.length,
        sentSha256: sha256(received),
      },
    });
    const whole = auditOf(deal, 'transfer.data_room.downloaded')[0]!.detail.bytes as number;
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(whole);
    expect(
      auditOf(deal, 'transfer.data_room.downloaded').filter(
        (event) => event.requestId === started.requestId,
      ),
    ).toEqual([]);
  });

  it('inside a transfer package: the package is audited from start to end, naming its copy', async () => {
    const saleId = (
      deal.t.db.$client.prepare('select id from sales order by id desc limit 1').get() as Json
    ).id as number;
    const cut = await deal.send('finance', 'GET', `/sales/${saleId}/package`);
    const received = await readPart(cut, 1);
    await settle();
    const [started] = auditOf(deal, 'transfer.package.download_started');
    expect(started).toMatchObject({
      targetType: 'sale',
      targetId: String(saleId),
      detail: { tier: 'P2', downloadId: expect.any(Number) },
    });
    expect(auditOf(deal, 'transfer.package.download_aborted')[0]).toMatchObject({
      requestId: started!.requestId,
      detail: { bytes: received.length, downloadId: started!.detail.downloadId },
    });
    const whole = await readPart(await deal.send('finance', 'GET', `/sales/${saleId}/package`));
    await settle();
    expect(auditOf(deal, 'transfer.package.downloaded')).toMatchObject([
      { fileSha256: sha256(whole), detail: { bytes: whole.length } },
    ]);
  });
});

describe('a ledger workbook download', () => {
  it('is audited as started, then complete with the SHA-256 of the bytes sent, or aborted', async () => {
    const deal = await dealOnDemoBook(200);
    const path = '/ledger/journal?format=xlsx';
    const bytes = await readPart(await deal.send('finance', 'GET', path));
    await settle();
    expect(auditOf(deal, 'ledger.journal.download%').map((event) => event.action)).toEqual([
      'ledger.journal.download_started',
      'ledger.journal.downloaded',
    ]);
    expect(auditOf(deal, 'ledger.journal.downloaded')[0]).toMatchObject({
      actor: 'finance@demo.local',
      fileSha256: sha256(bytes),
      detail: { bytes: bytes.length },
    });
    await readPart(await deal.send('finance', 'GET', path), 1);
    await settle();
    expect(auditOf(deal, 'ledger.journal.download%').map((event) => event.action)).toEqual([
      'ledger.journal.download_started',
      'ledger.journal.downloaded',
      'ledger.journal.download_started',
      'ledger.journal.download_aborted',
    ]);
  });
});
