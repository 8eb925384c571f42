/**
 * A format-preserving TOML scanner: it finds where every value sits in the text, so a caller
 * can rewrite one string value and keep every other byte. Parsers (smol-toml) give values but
 * no positions, and serialising a parsed document would reformat it.
 *
 * It follows TOML 1.0 closely enough for Cargo manifests and lock files (and is tolerant of the
 * TOML 1.1 relaxations: newlines and a trailing comma inside inline tables). It does not check
 * semantics such as duplicate keys: cargo does that.
 */
import { ReleaseError } from '../errors';

export interface TomlHeader {
  /** Key path of `[a.b]` or `[[a.b]]`, unquoted. */
  path: string[];
  /** True for an array-of-tables header `[[...]]`. */
  array: boolean;
  /** 1-based line of the header. */
  line: number;
}

export type TomlValueKind = 'string' | 'scalar' | 'array' | 'inline-table';

export interface TomlEntry {
  /**
   * Full key path: the header's path, then the dotted key, then keys of enclosing inline
   * tables. `[target.'cfg(unix)'.dependencies]` + `a = { version = "1" }` gives
   * ['target', 'cfg(unix)', 'dependencies', 'a', 'version'] (and an 'inline-table' entry for
   * ['target', 'cfg(unix)', 'dependencies', 'a']). Elements of arrays get no entries.
   */
  path: string[];
  /** Index into `headers` of the table holding the entry; -1 for the root table. */
  header: number;
  kind: TomlValueKind;
  /** Decoded text of a string; raw text of a scalar (number, bool, date); null otherwise. */
  value: string | null;
  /** Delimiter of a string value, else null. */
  quote: '"' | "'" | '"""' | "'''" | null;
  /** Offsets [start, end) of the whole value text (quotes, brackets included). */
  start: number;
  end: number;
  /** Offsets [innerStart, innerEnd) of a string's content between its delimiters. */
  innerStart: number;
  innerEnd: number;
  /** 1-based line where the value starts. */
  line: number;
}

export interface TomlScan {
  headers: TomlHeader[];
  entries: TomlEntry[];
}

export class TomlScanError extends ReleaseError {
  constructor(
    message: string,
    override readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`, 'fix the syntax (cargo would reject it too)', { line });
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;

function isBareKeyChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f || // _
    c === 0x2d // -
  );
}

/** Offsets of each line's first character, for line numbers by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** 1-based line holding `offset`. */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface ScannedString {
  value: string;
  quote: NonNullable<TomlEntry['quote']>;
  innerStart: number;
  innerEnd: number;
}

class Scanner {
  pos = 0;
  readonly headers: TomlHeader[] = [];
  readonly entries: TomlEntry[] = [];
  private header = -1;
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
    // A byte-order mark (cargo accepts one) is skipped, not removed: offsets stay the file's own.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  fail(message: string, at = this.pos): never {
    const line = lineAt(this.starts, at);
    throw new TomlScanError(message, line, at - this.starts[line - 1] + 1);
  }

  private code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  private skipSpaces(): void {
    let c = this.code();
    while (c === SPACE || c === TAB) c = this.code(++this.pos);
  }

  /** Spaces, comments and newlines: what may separate array elements. */
  private skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      const c = this.code();
      if (c === HASH) this.skipComment();
      else if (c === LF) this.pos++;
      else if (c === CR && this.code(this.pos + 1) === LF) this.pos += 2;
      else return;
    }
  }

  private skipComment(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.text.length : nl;
    if (this.code(this.pos - 1) === CR) this.pos--;
  }

  /** After a header or a key/value: optional spaces and comment, then a newline or the end. */
  private endOfLine(): void {
    this.skipSpaces();
    if (this.code() === HASH) this.skipComment();
    const c = this.code();
    if (this.pos >= this.text.length) return;
    if (c === LF) this.pos++;
    else if (c === CR && this.code(this.pos + 1) === LF) this.pos += 2;
    else this.fail('expected the end of the line');
  }

  scan(): TomlScan {
    const { text } = this;
    while (this.pos < text.length) {
      this.skipBlank();
      if (this.pos >= text.length) break;
      if (text[this.pos] === '[') this.tableHeader();
      else {
        const key = this.dottedKey();
        this.keyValue(this.currentPath().concat(key));
        this.endOfLine();
      }
    }
    return { headers: this.headers, entries: this.entries };
  }

  private currentPath(): string[] {
    return this.header === -1 ? [] : this.headers[this.header].path;
  }

  private tableHeader(): void {
    const line = lineAt(this.starts, this.pos);
    const array = this.text.startsWith('[[', this.pos);
    this.pos += array ? 2 : 1;
    this.skipSpaces();
    const path = this.dottedKey();
    this.skipSpaces();
    const close = array ? ']]' : ']';
    if (!this.text.startsWith(close, this.pos)) this.fail(`expected '${close}' to close the table header`);
    this.pos += close.length;
    this.headers.push({ path, array, line });
    this.header = this.headers.length - 1;
    this.endOfLine();
  }

  private dottedKey(): string[] {
    const parts = [this.simpleKey()];
    for (;;) {
      const save = this.pos;
      this.skipSpaces();
      if (this.text[this.pos] !== '.') {
        this.pos = save;
        return parts;
      }
      this.pos++;
      this.skipSpaces();
      parts.push(this.simpleKey());
    }
  }

  private simpleKey(): string {
    const c = this.code();
    if (c === DQUOTE || c === SQUOTE) {
      if (this.text.startsWith(c === DQUOTE ? '"""' : "'''", this.pos)) this.fail('a key cannot be a multi-line string');
      return this.singleLineString(c).value;
    }
    const start = this.pos;
    while (this.pos < this.text.length && isBareKeyChar(this.code())) this.pos++;
    if (this.pos === start) this.fail('expected a key');
    return this.text.slice(start, this.pos);
  }

  /** `key = value` with the key already read into `path`. */
  private keyValue(path: string[]): void {
    this.skipSpaces();
    if (this.text[this.pos] !== '=') this.fail("expected '=' after the key");
    this.pos++;
    this.skipSpaces();
    this.value(path, true);
  }

  /** Reads one value; records an entry when `record` (array elements are not recorded). */
  private value(path: string[], record: boolean): void {
    const start = this.pos;
    const c = this.code();
    let kind: TomlValueKind;
    let value: string | null = null;
    let quote: TomlEntry['quote'] = null;
    let innerStart = start;
    let innerEnd = start;
    if (c === DQUOTE || c === SQUOTE) {
      const triple = c === DQUOTE ? '"""' : "'''";
      const s = this.text.startsWith(triple, this.pos) ? this.multiLineString(c) : this.singleLineString(c);
      kind = 'string';
      ({ value, innerStart, innerEnd } = s);
      quote = s.quote;
    } else if (c === 0x5b /* [ */) {
      kind = 'array';
      this.array(path);
    } else if (c === 0x7b /* { */) {
      kind = 'inline-table';
      // The table's own entry goes first so entries stay in document order.
      if (record) this.entries.push(this.entry(path, kind, null, null, start, start, start, start));
      const own = record ? this.entries[this.entries.length - 1] : null;
      this.inlineTable(path, record);
      if (own) own.end = this.pos;
      return;
    } else {
      kind = 'scalar';
      value = this.scalar();
    }
    if (record) this.entries.push(this.entry(path, kind, value, quote, start, this.pos, innerStart, innerEnd));
  }

  private entry(
    path: string[],
    kind: TomlValueKind,
    value: string | null,
    quote: TomlEntry['quote'],
    start: number,
    end: number,
    innerStart: number,
    innerEnd: number,
  ): TomlEntry {
    const line = lineAt(this.starts, start);
    return { path, header: this.header, kind, value, quote, start, end, innerStart, innerEnd, line };
  }

  private array(path: string[]): void {
    this.pos++; // [
    for (;;) {
      this.skipBlank();
      if (this.text[this.pos] === ']') break;
      this.value(path, false);
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c !== ']') this.fail("expected ',' or ']' in an array");
    }
    this.pos++; // ]
  }

  private inlineTable(path: string[], record: boolean): void {
    this.pos++; // {
    for (;;) {
      this.skipBlank();
      if (this.text[this.pos] === '}') break;
      const key = this.dottedKey();
      const sub = path.concat(key);
      this.skipSpaces();
      if (this.text[this.pos] !== '=') this.fail("expected '=' in an inline table");
      this.pos++;
      this.skipSpaces();
      this.value(sub, record);
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c !== '}') this.fail("expected ',' or '}' in an inline table");
    }
    this.pos++; // }
  }

  private scalar(): string {
    const start = this.pos;
    const { text } = this;
    const stop = (ch: number) =>
      ch === SPACE || ch === TAB || ch === LF || ch === CR || ch === HASH || ch === 0x2c || ch === 0x5d || ch === 0x7d;
    while (this.pos < text.length && !stop(this.code())) this.pos++;
    // A local date-time may separate date and time with one space: `1979-05-27 07:32:00`.
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, this.pos)) && /^ \d{2}:/.test(text.slice(this.pos, this.pos + 4))) {
      this.pos++;
      while (this.pos < text.length && !stop(this.code())) this.pos++;
    }
    if (this.pos === start) this.fail('expected a value');
    return text.slice(start, this.pos);
  }

  private singleLineString(q: number): ScannedString {
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

  private multiLineString(q: number): ScannedString {
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

  private unescape(raw: string, at: number, multiLine = false): string {
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

/** Scans TOML text. Throws TomlScanError (with line and column) on malformed input. */
export function scanToml(text: string): TomlScan {
  return new Scanner(text).scan();
}

/** True when the entry's path starts with `prefix`. */
export function pathStartsWith(path: readonly string[], prefix: readonly string[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** The first entry whose path is exactly `path`, or undefined. */
export function findEntry(scan: TomlScan, path: readonly string[]): TomlEntry | undefined {
  return scan.entries.find((e) => e.path.length === path.length && pathStartsWith(e.path, path));
}
