import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText } from '../../src/imports/read/decode';

async function decodeAll(
  bytes: Uint8Array,
  encoding?: 'utf-8' | 'gbk',
  chunkBytes = 1000,
): Promise<string> {
  async function* chunks() {
    for (let start = 0; start < bytes.length; start += chunkBytes)
      yield bytes.subarray(start, start + chunkBytes);
  }
  let text = '';
  for await (const part of decodeText(chunks(), encoding)) text += part;
  return text;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

describe('detecting and decoding a text encoding', () => {
  it('reads UTF-8 and drops a byte-order mark', async () => {
    expect(await decodeAll(utf8('借款人,金额\n张三,1'))).toBe('借款人,金额\n张三,1');
    expect(await decodeAll(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('借款人\n')]))).toBe(
      '借款人\n',
    );
  });

  it('recognises GBK (what Chinese Excel saves as CSV)', async () => {
    expect(await decodeAll(gbk('借款人,省份\n张三丰,广东省\n'))).toBe(
      '借款人,省份\n张三丰,广东省\n',
    );
  });

  it('recognises GBK whose first non-ASCII byte comes after a long ASCII prefix', async () => {
    const text = `${'loan_id,amount\n'.repeat(500)}L1,张三\n`;
    expect(await decodeAll(gbk(text), undefined, 7)).toBe(text);
  });

  it('treats a pure-ASCII file as UTF-8', async () => {
    expect(await decodeAll(utf8('a,b\n1,2\n'), undefined, 1)).toBe('a,b\n1,2\n');
  });

  it('obeys a forced encoding', async () => {
    expect(await decodeAll(gbk('姓名\n欧阳\n'), 'gbk')).toBe('姓名\n欧阳\n');
    expect(await decodeAll(utf8('姓名\n'), 'utf-8')).toBe('姓名\n');
  });

  it('fails loudly when a file read as UTF-8 is not UTF-8', async () => {
    await expect(decodeAll(gbk('姓名\n张三\n'), 'utf-8')).rejects.toBeInstanceOf(DecodeError);
  });
});

/** The DecodeError decoding `bytes` ends with, and the text decoded before it. */
async function decodeFailure(
  bytes: Uint8Array,
  encoding?: 'utf-8' | 'gbk',
  chunkBytes = 1000,
): Promise<{ error: DecodeError; before: string }> {
  async function* chunks() {
    for (let start = 0; start < bytes.length; start += chunkBytes)
      yield bytes.subarray(start, start + chunkBytes);
  }
  let before = '';
  try {
    for await (const part of decodeText(chunks(), encoding)) before += part;
  } catch (error) {
    if (error instanceof DecodeError) return { error, before };
    throw error;
  }
  throw new Error(`decoded without a DecodeError: ${before.slice(0, 80)}`);
}

const joined = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('an encoding decided on the whole file', () => {
  const utf8Tape =
    'loan_id,borrower_name,province\nL1,张三,广东省\nL2,李四,四川省\nL3,王五,浙江省\n';

  it('refuses a UTF-8 file with one stray byte, naming its offset, rather than reading it as GBK', async () => {
    const bytes = utf8(utf8Tape);
    const stray = utf8Tape.indexOf('李四');
    const at = utf8(utf8Tape.slice(0, stray)).length;
    const tampered = joined(bytes.subarray(0, at), new Uint8Array([0xff]), bytes.subarray(at));
    for (const chunkBytes of [1, 7, 1000]) {
      const { error, before } = await decodeFailure(tampered, undefined, chunkBytes);
      expect(error.byteOffset).toBe(at);
      expect(error.message).toMatch(/not valid UTF-8/);
      expect(before).toBe(utf8Tape.slice(0, stray));
    }
  });

  it('refuses a stray byte far from the first non-ASCII byte, and at the very end', async () => {
    const long = utf8Tape + 'L4,赵六,江苏省\n'.repeat(2000);
    const late = joined(utf8(long), new Uint8Array([0xe5, 0xbc]));
    expect((await decodeFailure(late)).error.byteOffset).toBe(utf8(long).length);
    const early = joined(utf8('id,name\nL1,'), new Uint8Array([0xb0]), utf8(long));
    expect((await decodeFailure(early)).error.byteOffset).toBe('id,name\nL1,'.length);
  });

  it('reads GBK whose first characters happen to be valid UTF-8 (郑伟, 谢强 …) as GBK', async () => {
    const text = 'loan_id,name\nL1,郑伟\nL2,谢强\nL3,叶平\nL4,张三丰\nL5,欧阳娜娜\n';
    expect(await decodeAll(gbk(text), undefined, 3)).toBe(text);
  });

  it('refuses a file that is neither UTF-8 nor GBK, with the text before the first bad byte', async () => {
    const bytes = joined(gbk('id,姓名\nL1,张三\nL2,'), new Uint8Array([0xff, 0xff]), gbk('李四\n'));
    const { error, before } = await decodeFailure(bytes, undefined, 5);
    expect(error.message).toMatch(/neither UTF-8 nor GBK/);
    expect(before).toBe('id,姓名\nL1,张三\nL2,');
  });

  it('refuses invalid bytes under an explicit charset too', async () => {
    const bad = joined(gbk('姓名\n张三'), new Uint8Array([0x81, 0x2c]), gbk('\n'));
    const gbkFailure = await decodeFailure(bad, 'gbk');
    expect(gbkFailure.error.message).toMatch(/not valid GBK/);
    expect(gbkFailure.before).toBe('姓名\n张三');
    const utf8Failure = await decodeFailure(
      joined(utf8('姓名\n张'), new Uint8Array([0xc0])),
      'utf-8',
    );
    expect(utf8Failure.error.byteOffset).toBe(utf8('姓名\n张').length);
    expect(utf8Failure.before).toBe('姓名\n张');
  });

  it('reads a UTF-8 file of many chunks whose non-ASCII text is sparse', async () => {
    const text = `${'a,b\n'.repeat(50_000)}L1,张\n${'c,d\n'.repeat(50_000)}L2,三\n`;
    expect(await decodeAll(utf8(text), undefined, 4096)).toBe(text);
  });
});

describe('the UTF-8 check', () => {
  it('refuses overlong forms, surrogates, code points above U+10FFFF and cut characters', async () => {
    const cases = [
      [0xc0, 0x80],
      [0xc1, 0xbf],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80],
      [0xe5, 0xbc],
      [0xbf],
    ];
    for (const sequence of cases) {
      const bytes = joined(utf8('ok,张'), new Uint8Array(sequence));
      for (const chunkBytes of [1, 2, 100]) {
        const { error } = await decodeFailure(bytes, 'utf-8', chunkBytes);
        expect(error.byteOffset).toBe(utf8('ok,张').length);
      }
    }
    expect(await decodeAll(utf8('\u{10FFFF}\uD7FF\uE000\u0080'), 'utf-8', 1)).toBe(
      '\u{10FFFF}\uD7FF\uE000\u0080',
    );
  });

  it('agrees with the platform decoder on where random bytes first go wrong, however they are cut', async () => {
    // A small seeded generator (Park–Miller, its high bits): the same cases on every run.
    let seed = 12345;
    const random = (below: number) => {
      seed = (seed * 48271) % 2147483647;
      return Math.floor((seed / 2147483647) * below);
    };
    const pieces = [
      'a',
      ',',
      '\n',
      'é',
      '张',
      '😀',
      '\u0800',
      '\uD7FF',
      '\uE000',
      '\u{10FFFF}',
    ].map((text) => utf8(text));
    for (let round = 0; round < 500; round++) {
      const parts: Uint8Array[] = [];
      for (let i = 0; i < 40; i++)
        parts.push(
          random(8) === 0
            ? new Uint8Array(Array.from({ length: 1 + random(3) }, () => 0x80 + random(128)))
            : pieces[random(pieces.length)]!.subarray(0, random(8) === 0 ? random(4) : 8),
        );
      const bytes = joined(...parts);
      const lenient = new TextDecoder().decode(bytes);
      const bad = lenient.indexOf('\uFFFD');
      const chunkBytes = 1 + random(9);
      if (bad < 0) {
        expect(await decodeAll(bytes, 'utf-8', chunkBytes)).toBe(lenient);
        continue;
      }
      const { error, before } = await decodeFailure(bytes, 'utf-8', chunkBytes);
      expect(before).toBe(lenient.slice(0, bad));
      expect(error.byteOffset).toBe(utf8(lenient.slice(0, bad)).length);
    }
  });
});
