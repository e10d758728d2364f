import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aTapeRow, csvOf } from '../imports/files';
import { sharedStringsBomb } from '../../bench/hostile-files';

// Uploads (multipart imports, traced files) go to the platform's scratch folder as they arrive and
// never whole into memory; every exit path removes what they left there; a body over the limit is
// a 413 problem.

const MB = 1024 * 1024;
/**
 * The big bodies, and the most memory they may take: less than one copy of the body, more than the
 * garbage of 64 KB chunks V8 lets pile up before it collects (its external-memory soft limit is
 * 64 MB).
 */
const BIG = 128 * MB;
const MEMORY_BOUND = 96 * MB;
const BOUNDARY = '----uploads-test-boundary';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** An app on a database file of its own, so its scratch folder (scratch/ beside it) is its own. */
function appWithUploads(importBodyLimitBytes = 256 * MB) {
  const dataFolder = mkdtempSync(join(tmpdir(), 'uploads-test-'));
  folders.push(dataFolder);
  const t = testApp({
    databasePath: join(dataFolder, 'platform.db'),
    config: { importBodyLimitBytes },
  });
  const uploadFolder = join(dataFolder, 'scratch');
  const left = () => (existsSync(uploadFolder) ? readdirSync(uploadFolder) : []);
  return { ...t, uploadFolder, dataFolder, left };
}

const encoder = new TextEncoder();
const multipartHead = (fileName: string, type = 'text/csv') =>
  encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
const multipartTail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/**
 * A body of `head`, then `fillerBytes` of filler lines (one shared 64 KB chunk, so the client holds
 * nothing), then `tail`, pulled one chunk at a time. `peak()` is the most ArrayBuffer memory the
 * process held above its start until then, sampled at every pull and every 5 ms.
 */
function filledBody(head: Uint8Array, fillerBytes: number, tail: Uint8Array) {
  const filler = encoder.encode('x,y,z\n'.repeat(65536 / 6));
  let sent = 0;
  let stage = 0;
  const base = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - base));
  const sampler = setInterval(sample, 5);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        sample();
        if (stage === 0) {
          stage = 1;
          controller.enqueue(head);
        } else if (sent < fillerBytes) {
          const chunk = filler.subarray(0, Math.min(filler.length, fillerBytes - sent));
          sent += chunk.length;
          controller.enqueue(chunk);
        } else if (stage === 1) {
          stage = 2;
          controller.enqueue(tail);
        } else {
          controller.close();
        }
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    peak: () => {
      clearInterval(sampler);
      return sample();
    },
  };
}

async function post(
  t: ReturnType<typeof appWithUploads>,
  path: string,
  body: NonNullable<RequestInit['body']>,
  contentType: string,
  user: 'risk' | 'admin' = 'risk',
) {
  return t.app.request(path, {
    method: 'POST',
    body,
    headers: t.as(user, { 'Content-Type': contentType }),
    duplex: 'half',
  } as RequestInit);
}

describe('a multipart import', () => {
  it('is written to the upload folder as it arrives, imported, and removed', async () => {
    const t = appWithUploads();
    const tape = encoder.encode(csvOf([aTapeRow({ loan_id: 'L-SPOOL-1' })]));
    const half = Math.floor(tape.length / 2);
    let spooledBeforeTheEnd = 0;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(multipartHead('tape.csv'));
        controller.enqueue(tape.subarray(0, half));
        // The rest of the body is held back until the first half is on disk.
        for (let tries = 0; tries < 200 && spooledBeforeTheEnd < half; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          spooledBeforeTheEnd = t
            .left()
            .reduce((sum, name) => sum + statSync(join(t.uploadFolder, name)).size, 0);
        }
        controller.enqueue(tape.subarray(half));
        controller.enqueue(multipartTail);
        controller.close();
      },
    });
    const response = await post(t, '/loans/import', stream, MULTIPART);
    expect(response.status, await response.clone().text()).toBe(201);
    expect(spooledBeforeTheEnd).toBeGreaterThanOrEqual(half);
    expect(((await response.json()) as { created: number }).created).toBe(1);
    expect(t.left()).toEqual([]);
  });

  it('holds a 128 MB file neither in memory nor on disk afterwards (rejected: its header is not a tape)', async () => {
    const t = appWithUploads();
    const body = filledBody(multipartHead('tape.csv'), BIG, multipartTail);
    const response = await post(t, '/collections/import', body.stream, MULTIPART);
    expect(response.status, await response.clone().text()).toBe(422);
    expect(body.peak()).toBeLessThan(MEMORY_BOUND);
    expect(t.left()).toEqual([]);
  });

  it('over the body limit is a 413 problem, and nothing is left', async () => {
    const t = appWithUploads(8 * MB);
    const body = filledBody(multipartHead('tape.csv'), 16 * MB, multipartTail);
    const response = await post(t, '/loans/import', body.stream, MULTIPART);
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/8388608 bytes/);
    expect(t.left()).toEqual([]);
  });

  it('cut off by the client leaves nothing behind', async () => {
    const t = appWithUploads();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(multipartHead('tape.csv'));
        controller.enqueue(encoder.encode('x,y,z\n'.repeat(100_000)));
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.error(new Error('the client went away'));
      },
    });
    const answer = await post(t, '/loans/import', stream, MULTIPART).then(
      (response) => response.status,
      () => 'rejected',
    );
    expect(answer).not.toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.left()).toEqual([]);
  });

  it('without a file field is a 400 problem, and nothing is left', async () => {
    const t = appWithUploads();
    const body = encoder.encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`,
    );
    const response = await post(t, '/loans/import', body, MULTIPART);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/"file"/);
    expect(t.left()).toEqual([]);
  });
});

describe('a raw import body sent without Content-Length', () => {
  it('streams into the import, never whole in memory', async () => {
    const t = appWithUploads();
    const body = filledBody(encoder.encode('not,a,tape\n'), BIG, new Uint8Array(0));
    const response = await post(t, '/loans/import', body.stream, 'text/csv');
    expect(response.status, await response.clone().text()).toBe(422);
    expect(body.peak()).toBeLessThan(MEMORY_BOUND);
  });

  it('over the body limit is a 413 problem', async () => {
    const t = appWithUploads(8 * MB);
    const body = filledBody(encoder.encode('loan_id,x\n'), 16 * MB, new Uint8Array(0));
    const response = await post(t, '/loans/import', body.stream, 'text/csv');
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('over the body limit as an .xlsx is a 413 problem too, not an unreadable workbook', async () => {
    const t = appWithUploads(8 * MB);
    const body = filledBody(encoder.encode('PK\u0003\u0004'), 16 * MB, new Uint8Array(0));
    const response = await post(t, '/loans/import?format=xlsx', body.stream, 'text/csv');
    expect(response.status).toBe(413);
  });
});

describe('a traced file', () => {
  it('of 128 MB, raw or multipart, is neither held in memory nor left on disk', async () => {
    const t = appWithUploads();
    const raw = filledBody(encoder.encode('loan,claim\n'), BIG, new Uint8Array(0));
    const rawAnswer = await post(
      t,
      '/data-rooms/trace',
      raw.stream,
      'application/octet-stream',
      'admin',
    );
    expect(rawAnswer.status, await rawAnswer.clone().text()).toBe(200);
    expect(((await rawAnswer.json()) as { file: { bytes: number } }).file.bytes).toBe(BIG + 11);
    expect(raw.peak()).toBeLessThan(MEMORY_BOUND);
    const form = filledBody(multipartHead('leak.csv'), BIG, multipartTail);
    const formAnswer = await post(t, '/data-rooms/trace', form.stream, MULTIPART, 'admin');
    expect(formAnswer.status, await formAnswer.clone().text()).toBe(200);
    expect(form.peak()).toBeLessThan(MEMORY_BOUND);
    expect(t.left()).toEqual([]);
  });

  it('that is a shared-strings bomb (.xlsx) is read in bounded memory, never whole', async () => {
    const t = appWithUploads();
    const bomb = join(t.dataFolder, `bomb-${process.pid}.xlsx`);
    folders.push(bomb);
    await sharedStringsBomb(bomb, 128 * MB);
    const base = process.memoryUsage().rss;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 5);
    const response = await post(
      t,
      '/data-rooms/trace',
      readFileSync(bomb),
      'application/octet-stream',
      'admin',
    );
    clearInterval(sampler);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { attributed: boolean }).attributed).toBe(false);
    expect(peak).toBeLessThan(MEMORY_BOUND);
    expect(t.left()).toEqual([]);
  });

  it('over the body limit is a 413 problem, and nothing is left', async () => {
    const t = appWithUploads(8 * MB);
    const body = filledBody(multipartHead('leak.xlsx'), 16 * MB, multipartTail);
    const response = await post(t, '/data-rooms/trace', body.stream, MULTIPART, 'admin');
    expect(response.status).toBe(413);
    expect(t.left()).toEqual([]);
  });
});
