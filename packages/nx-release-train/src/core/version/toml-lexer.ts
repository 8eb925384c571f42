/**
 * The lexical half of the TOML scanner: a cursor over the text that skips blanks and comments,
 * and reads scalars and strings (with their escapes). The structural half (tables, keys,
 * arrays, inline tables) extends it in toml-scan.ts.
 */
import { lineAt, lineStarts, TomlScanError, type TomlEntry } from './toml-scan-types';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
export const DQUOTE = 0x22;
export const SQUOTE = 0x27;
const BACKSLASH = 0x5c;

export function isBareKeyChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f || // _
    c === 0x2d // -
  );
}

interface ScannedString {
  value: string;
  quote: NonNullable<TomlEntry['quote']>;
  innerStart: number;
  innerEnd: number;
}

export class TomlLexer {
  pos = 0;
  protected readonly starts: number[];

  constructor(protected readonly text: string) {
    this.starts = lineStarts(text);
    // A byte-order mark (cargo accepts one) is skipped, not removed: offsets stay the file's own.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  fail(message: string, at = this.pos): never {
    const line = lineAt(this.starts, at);
    throw new TomlScanError(message, line, at - this.starts[line - 1] + 1);
  }

  protected code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  protected skipSpaces(): void {
    let c = this.code();
    while (c === SPACE || c === TAB) c = this.code(++this.pos);
  }

  /** Spaces, comments and newlines: what may separate array elements. */
  protected skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      const c = this.code();
      if (c === HASH) this.skipComment();
      else if (c === LF) this.pos++;
      else if (c === CR && this.code(this.pos + 1) === LF) this.pos += 2;
      else return;
    }
  }

  protected skipComment(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.text.length : nl;
    if (this.code(this.pos - 1) === CR) this.pos--;
  }

  /** After a header or a key/value: optional spaces and comment, then a newline or the end. */
  protected endOfLine(): void {
    this.skipSpaces();
    if (this.code() === HASH) this.skipComment();
    const c = this.code();
    if (this.pos >= this.text.length) return;
    if (c === LF) this.pos++;
    else if (c === CR && this.code(this.pos + 1) === LF) this.pos += 2;
    else this.fail('expected the end of the line');
  }

  protected scalar(): string {
    const start = this.pos;
    const { text } = this;
    const stop = (ch: number) => ch === SPACE || ch === TAB || ch === LF || ch === CR || ch === HASH || ch === 0x2c || ch === 0x5d || ch === 0x7d;
    while (this.pos < text.length && !stop(this.code())) this.pos++;
    // A local date-time may separate date and time with one space: `1979-05-27 07:32:00`.
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, this.pos)) && /^ \d{2}:/.test(text.slice(this.pos, this.pos + 4))) {
      this.pos++;
      while (this.pos < text.length && !stop(this.code())) this.pos++;
    }
    if (this.pos === start) this.fail('expected a value');
    return text.slice(start, this.pos);
  }

  protected singleLineString(q: number): ScannedString {
    const open = this.pos;
    const innerStart = ++this.pos;
    const { text } = this;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string', open);
      const c = this.code();
      if (c === LF || c === CR) this.fail('newline in a single-line string', open);
      if (c === BACKSLASH && q === DQUOTE) {
        this.pos += 2;
        continue;
      }
      if (c === q) break;
      this.pos++;
    }
    const innerEnd = this.pos++;
    const raw = text.slice(innerStart, innerEnd);
    const value = q === DQUOTE ? this.unescape(raw, innerStart) : raw;
    return { value, quote: q === DQUOTE ? '"' : "'", innerStart, innerEnd };
  }

  protected multiLineString(q: number): ScannedString {
    const open = this.pos;
    const delim = q === DQUOTE ? '"""' : "'''";
    const innerStart = (this.pos += 3);
    const { text } = this;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated multi-line string', open);
      const c = this.code();
      if (c === BACKSLASH && q === DQUOTE) {
        this.pos += 2;
        continue;
      }
      if (c === q && text.startsWith(delim, this.pos)) break;
      this.pos++;
    }
    // Up to two quotes right before the closing delimiter belong to the content.
    let extra = 0;
    while (extra < 2 && this.code(this.pos + 3 + extra) === q) extra++;
    const innerEnd = this.pos + extra;
    this.pos = innerEnd + 3;
    let raw = text.slice(innerStart, innerEnd);
    // A newline right after the opening delimiter is trimmed.
    const skip = raw.startsWith('\r\n') ? 2 : raw.startsWith('\n') ? 1 : 0;
    raw = raw.slice(skip);
    const value = q === DQUOTE ? this.unescape(raw, innerStart + skip, true) : raw;
    return { value, quote: delim, innerStart, innerEnd };
  }

  protected unescape(raw: string, at: number, multiLine = false): string {
    if (!raw.includes('\\')) return raw;
    const simple: Record<string, string> = {
      b: '\b',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
      e: '\x1b',
      '"': '"',
      '\\': '\\',
    };
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const ch = raw[i];
      if (ch !== '\\') {
        out += ch;
        i++;
        continue;
      }
      const next = raw[i + 1];
      if (next in simple) {
        out += simple[next];
        i += 2;
      } else if (next === 'u' || next === 'U' || next === 'x') {
        const len = next === 'u' ? 4 : next === 'U' ? 8 : 2;
        const hex = raw.slice(i + 2, i + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.fail('bad unicode escape', at + i);
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + len;
      } else if (multiLine && /^\\[ \t]*\r?\n/.test(raw.slice(i))) {
        // Line-ending backslash: drop it and all whitespace up to the next visible character.
        i++;
        while (i < raw.length && /[ \t\r\n]/.test(raw[i])) i++;
      } else {
        this.fail(`unknown escape '\\${next ?? ''}'`, at + i);
      }
    }
    return out;
  }
}
