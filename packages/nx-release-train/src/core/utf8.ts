/**
 * Text from bytes, strictly. Release edits splice text, so a file that is not UTF-8 cannot be
 * edited without changing bytes nobody asked to change: it is refused with the offset of the
 * first bad byte instead of being decoded with replacement characters (which silently
 * corrupted the file). A byte-order mark is kept, so it is written back as it was.
 */

/** The first byte offset where `bytes` stops being well-formed UTF-8; null: all of it is. */
export function invalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return null;
}

export type Decoded = { text: string } | { badOffset: number };

/** The text of `bytes` (a BOM kept as U+FEFF), or the offset of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bad = invalidUtf8Offset(bytes);
  if (bad !== null) return { badOffset: bad };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** Where a bad byte stands, for a message: `byte 5 (line 1, column 4)`. */
export function describeOffset(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) [line, start] = [line + 1, i + 1];
  return `byte ${offset} (0x${bytes[offset].toString(16).padStart(2, '0')}, line ${line}, column ${offset - start + 1})`;
}

/** A TOML parser takes the text without a leading byte-order mark (cargo accepts one). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
