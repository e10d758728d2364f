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
