import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Context } from 'hono';
import { type AppEnv, bodyLimitProblem, Problem } from '../shared';
import { scratchFile } from './stage';

/** An uploaded file, on disk in the platform's scratch folder while its request lasts. */
export interface SpooledUpload {
  path: string;
  bytes: number;
  sha256: string;
  /** The multipart part's file name and Content-Type; absent for a raw body. */
  fileName?: string;
  mediaType?: string;
  /** The file's bytes, read back from disk a chunk at a time (closed when the request ends). */
  chunks(): AsyncIterable<Uint8Array>;
}

/** Whether the request is a multipart form (whose `file` field is the upload). */
export function isMultipart(c: Context<AppEnv>): boolean {
  return /^multipart\/form-data\s*(;|$)/i.test(c.req.header('Content-Type') ?? '');
}

/**
 * Writes the upload to the platform's scratch folder (`scratchFile`) as it arrives, hashing it on the
 * way, hands it to `use`, and removes it when `use` ends, however it ends; a failed or cut-off
 * upload removes what it wrote too. The upload is the `file` field of a multipart form (parsed as
 * it streams, by busboy: hono's `parseBody` holds the whole form in memory), else the raw body.
 * Memory stays at a few chunks whatever the size; the body limit is the middleware's
 * (`streamingBodyLimit`), and a body over it is answered 413 here.
 * @throws Problem bad_request (no `file` field, a malformed or cut-off form), payload_too_large
 */
export async function withSpooledUpload<T>(
  c: Context<AppEnv>,
  use: (upload: SpooledUpload) => Promise<T>,
): Promise<T> {
  // The platform's one scratch folder (beside the database, owner-only), whose leftovers of a
  // crashed process are swept at start-up like the imports' own.
  const path = scratchFile(c.get('deps').db, 'upload', 'bin');
  const readers: ReadStream[] = [];
  try {
    const spooled = await spool(c, path).catch((error: unknown) => {
      throw bodyLimitProblem(c) ?? asUploadProblem(error);
    });
    return await use({
      ...spooled,
      chunks: () => {
        const reader = createReadStream(path, { highWaterMark: 1 << 16 });
        readers.push(reader);
        return reader;
      },
    });
  } finally {
    // A reader that stopped early still holds the file open, and its disk space with it.
    for (const reader of readers) reader.destroy();
    await rm(path, { force: true });
  }
}

type Spooled = Omit<SpooledUpload, 'chunks'>;

async function spool(c: Context<AppEnv>, path: string): Promise<Spooled> {
  const body = c.req.raw.body;
  if (!isMultipart(c)) {
    const written = new Written();
    if (body) await pipeline(Readable.fromWeb(body as never), written, createWriteStream(path));
    else await pipeline(Readable.from([]), createWriteStream(path));
    return { path, ...written.file() };
  }
  if (!body) throw new Problem('bad_request', 'a multipart upload needs a body');
  const form = busboy({
    headers: { 'content-type': c.req.header('Content-Type') ?? '' },
    limits: { files: 1, fieldSize: 64 * 1024 },
  });
  let saved: Promise<Spooled> | undefined;
  let receiving: Readable | undefined;
  form.on('file', (name, file, info) => {
    if (name !== 'file' || saved) return void file.resume();
    receiving = file;
    const written = new Written();
    saved = pipeline(file, written, createWriteStream(path)).then(() => ({
      path,
      ...written.file(),
      fileName: info.filename,
      mediaType: info.mimeType,
    }));
    // Awaited below; a failure here is also the form's, so it must not go unhandled meanwhile.
    saved.catch(() => {});
  });
  try {
    await pipeline(Readable.fromWeb(body as never), form);
  } catch (error) {
    // The file's own pipeline (and its open file) ends with it, whatever busboy made of the cut.
    receiving?.destroy(error as Error);
    await saved?.catch(() => {});
    throw error;
  }
  if (!saved)
    throw new Problem('bad_request', 'a multipart upload needs the file in a field named "file"');
  return saved;
}

/** Counts and hashes the bytes on their way to disk. */
class Written extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  file(): { bytes: number; sha256: string } {
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

function asUploadProblem(error: unknown): Error {
  if (error instanceof Problem) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Problem('bad_request', `the upload could not be read to its end: ${message}`);
}
