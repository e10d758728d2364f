import { createHash, type Hash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The largest chunk handed on. Bigger chunks (a body already in memory, a 1 MB network read) are
 * cut without copying, so that a batch of rows, which are all alive until staged, stays small.
 */
const MAX_CHUNK_BYTES = 1 << 16;
/**
 * The longest a reader of the body runs (hashing, decoding, parsing and checking what it read)
 * before the event loop gets a turn: a body already in memory, or a fast client, never keeps
 * other requests waiting much longer than this.
 */
const TIME_SLICE_MS = 10;

/**
 * The request body as a stream of byte chunks that hashes (SHA-256) and counts the bytes as they
 * pass, so the file's fingerprint costs no second read. Read it once; `drain()` reads whatever a
 * reader left so the hash always covers the whole body.
 */
export class ByteSource implements AsyncIterable<Uint8Array> {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private finished = false;
  /** What is left of the chunk being cut, not handed on yet. */
  private rest: Uint8Array = new Uint8Array(0);

  constructor(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array | null) {
    this.chunks = chunksOf(body)[Symbol.asyncIterator]();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    let sliceStart = performance.now();
    for (;;) {
      if (this.rest.byteLength === 0) {
        const next = await this.chunks.next();
        if (next.done) {
          this.finished = true;
          return;
        }
        this.rest = next.value;
      }
      // Hashed as it is handed on: a reader that stops leaves the rest to `drain`.
      const part = this.rest.subarray(0, MAX_CHUNK_BYTES);
      this.rest = this.rest.subarray(part.byteLength);
      this.hash.update(part);
      this.bytes += part.byteLength;
      yield part;
      if (performance.now() - sliceStart > TIME_SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
  }

  /** Reads the rest of the body (if any) into the hash. */
  async drain(): Promise<void> {
    if (this.finished) return;
    for await (const chunk of this) void chunk;
  }

  /** The body's SHA-256 (hex) and size; only meaningful once the body has been read or drained. */
  digest(): { fileSha256: string; fileBytes: number } {
    return { fileSha256: this.hash.copy().digest('hex'), fileBytes: this.bytes };
  }
}

async function* chunksOf(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array | null,
): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  if (!('getReader' in body)) {
    // An uploaded file read back from disk.
    for await (const chunk of body) if (chunk.byteLength > 0) yield chunk;
    return;
  }
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.byteLength > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
