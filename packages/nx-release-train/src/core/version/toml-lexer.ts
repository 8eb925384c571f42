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

/** Offset of the first newline at or after `from`, or Infinity. */
function newlineFrom(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? Infinity : i;
}

/** Characters that end a bare scalar (number, boolean, date). */
function endsScalar(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === HASH || c === 0x2c || c === 0x5d || c === 0x7d;
}

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
  /** Line counting for lineOf: the line holding `lineFrom`, and the first newline at or after it. */
  private line = 1;
  private lineFrom = 0;
  private nextNewline: number;

  constructor(protected readonly text: string) {
    this.nextNewline = newlineFrom(text, 0);
    // A byte-order mark (cargo accepts one) is skipped, not removed: offsets stay the file's own.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  fail(message: string, at = this.pos): never {
    const starts = lineStarts(this.text);
    const line = lineAt(starts, at);
    throw new TomlScanError(message, line, at - starts[line - 1] + 1);
  }

  /**
   * 1-based line of `offset`. The scanner asks in document order, so each newline is counted
   * once (no table of line starts, no search per value); an earlier offset counts again from
   * the top.
   */
  protected lineOf(offset: number): number {
    if (offset < this.lineFrom) {
      this.line = 1;
      this.nextNewline = newlineFrom(this.text, 0);
    }
    while (this.nextNewline < offset) {
      this.line++;
      this.nextNewline = newlineFrom(this.text, this.nextNewline + 1);
    }
    this.lineFrom = offset;
    return this.line;
  }

  protected code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  protected skipSpaces(): void {
    const { text } = this;
    let i = this.pos;
    let c = text.charCodeAt(i);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
    this.pos = i;
  }

  /** Spaces, comments and newlines: what may separate array elements. */
  protected skipBlank(): void {
    const { text } = this;
    for (;;) {
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      if (c === HASH) this.skipComment();
      else if (c === LF) this.pos++;
      else if (c === CR && text.charCodeAt(this.pos + 1) === LF) this.pos += 2;
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
    let i = start;
    while (i < text.length && !endsScalar(text.charCodeAt(i))) i++;
    // A local date-time may separate date and time with one space: `1979-05-27 07:32:00`.
    if (i - start === 10 && /^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, i)) && /^ \d{2}:/.test(text.slice(i, i + 4))) {
      i++;
      while (i < text.length && !endsScalar(text.charCodeAt(i))) i++;
    }
    this.pos = i;
    if (i === start) this.fail('expected a value');
    return text.slice(start, i);
  }

  /**
   * A single-line string. `decode` false (an array element nobody reads): the value is not
   * built, but escapes are still checked.
   */
  protected singleLineString(q: number, decode = true): ScannedString {
    const open = this.pos;
    const innerStart = open + 1;
    const { text } = this;
    let i = innerStart;
    let escaped = false;
    for (;;) {
      if (i >= text.length) this.fail('unterminated string', open);
      const c = text.charCodeAt(i);
      if (c === q) break;
      if (c === LF || c === CR) this.fail('newline in a single-line string', open);
      if (c === BACKSLASH && q === DQUOTE) {
        escaped = true;
        i += 2;
        continue;
      }
      i++;
    }
    const innerEnd = i;
    this.pos = i + 1;
    const quote = q === DQUOTE ? '"' : "'";
    if (!escaped) return { value: decode ? text.slice(innerStart, innerEnd) : '', quote, innerStart, innerEnd };
    return { value: this.unescape(text.slice(innerStart, innerEnd), innerStart), quote, innerStart, innerEnd };
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
