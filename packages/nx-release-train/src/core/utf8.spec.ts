import { describe, expect, it } from 'vitest';
import { decodeUtf8, describeOffset, invalidUtf8Offset } from './utf8';

describe('strict UTF-8', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(invalidUtf8Offset(Buffer.from('Jos\xe9 wrote it', 'latin1'))).toBe(3);
    expect(invalidUtf8Offset(Buffer.from('José wrote it'))).toBeNull();
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(invalidUtf8Offset(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut short
    expect(invalidUtf8Offset(Buffer.from('😀 ok'))).toBeNull();
  });

  it('agrees with a fatal TextDecoder on every 2-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b += 3) {
        const bytes = new Uint8Array([a, b]);
        let ok = true;
        try {
          strict.decode(bytes);
        } catch {
          ok = false;
        }
        expect(invalidUtf8Offset(bytes) === null).toBe(ok);
      }
    }
  });

  it('keeps a byte-order mark', () => {
    const decoded = decodeUtf8(Buffer.from('\ufeff[package]\n'));
    expect(decoded).toEqual({ text: '\ufeff[package]\n' });
    expect(Buffer.from((decoded as { text: string }).text)).toEqual(Buffer.from('\ufeff[package]\n'));
  });

  it('describes the offset by line and column', () => {
    const bytes = Buffer.from('# notes\n\nJos\xe9\n', 'latin1');
    expect(decodeUtf8(bytes)).toEqual({ badOffset: 12 });
    expect(describeOffset(bytes, 12)).toBe('byte 12 (0xe9, line 3, column 4)');
  });
});
