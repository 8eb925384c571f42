/**
 * The TOML scanner's data shapes, its error, and line lookup by offset (see toml-scan.ts).
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
