// Decoding bytes into text: UTF-8 (BOM or not), Windows-1252, and UTF-16 with a byte-order mark,
// the same whatever the chunk boundaries, and binary files refused.
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../src/io/source.js';
import { InputError } from '../../src/errors.js';

/** Decodes `bytes` in chunks of `size` bytes, as openSource does. */
function decode(bytes: Buffer, size: number): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const decoder = createDecoder('x.csv', warnings);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.decode(bytes.subarray(i, i + size), false);
  text += decoder.decode(Buffer.alloc(0), true);
  return { text, warnings };
}

const TEXT = 'Staff ID\tTeam\r\nU1\tChildren’s Services £ 😀\r\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('UTF-16 with a byte-order mark (Excel\'s "Unicode text")', () => {
  it('reads little- and big-endian text, without the BOM and without a warning, in chunks of every size from 1 to 9 bytes', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]);
    for (const bytes of [le, be]) {
      for (let size = 1; size <= 9; size++) expect(decode(bytes, size)).toEqual({ text: TEXT, warnings: [] });
    }
  });

  it('refuses UTF-16 text with a NUL character as binary', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\r\n\u0000x,y\r\n', 'utf16le')]);
    expect(() => decode(bytes, 4)).toThrow(InputError);
    expect(() => decode(bytes, 4)).toThrow(/binary file/);
  });

  it('still refuses NUL bytes in a file without a UTF-16 byte-order mark', () => {
    const bytes = Buffer.from('a\u0000b\u0000,\u0000', 'latin1');
    expect(() => decode(bytes, 64)).toThrow(/binary file/);
  });

  it('still reads UTF-8 with a BOM, and Windows-1252 with a warning', () => {
    expect(decode(Buffer.from('\ufeffa,£\n', 'utf8'), 1)).toEqual({ text: 'a,£\n', warnings: [] });
    const windows = decode(Buffer.from([0x61, 0x2c, 0xa3, 0x0a]), 2);
    expect(windows.text).toBe('a,£\n');
    expect(windows.warnings).toEqual([expect.stringMatching(/^x\.csv: not valid UTF-8; read as Windows-1252/)]);
  });
});
