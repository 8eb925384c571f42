/**
 * Finds the 1-based line where a key path is defined in TOML text, for messages and edges.
 * A light line scanner: table headers and (dotted) keys; multi-line strings are skipped.
 * Values are parsed elsewhere; this only answers "which line".
 */

const KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const KEY_LINE = new RegExp(String.raw`^\s*(${KEY_PART}(?:\s*\.\s*${KEY_PART})*)\s*=`);
const SIMPLE_KEY_LINE = /^[ \t]*([A-Za-z0-9_-]+)[ \t]*=/;
const HEADER_LINE = new RegExp(String.raw`^\s*\[\[?\s*(${KEY_PART}(?:\s*\.\s*${KEY_PART})*)\s*\]\]?\s*(?:#.*)?$`);

const BARE_KEY = /^\s*[A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*\s*$/;

export function splitKey(key: string): string[] {
  // No quoted part (most headers, `[dependencies]`): the parts are what the dots separate.
  if (BARE_KEY.test(key)) return key.split('.').map((p) => p.trim());
  const parts: string[] = [];
  const re = new RegExp(KEY_PART, 'g');
  for (const m of key.matchAll(re)) {
    const raw = m[0];
    if (raw.startsWith('"')) parts.push(JSON.parse(raw));
    else if (raw.startsWith("'")) parts.push(raw.slice(1, -1));
    else parts.push(raw);
  }
  return parts;
}

/** Map from a key path joined with '\u0000' to its first line. */
export type LineIndex = Map<string, number>;

export function indexLines(text: string): LineIndex {
  const index: LineIndex = new Map();
  // The current table's key, joined; its prefixes were recorded on its header line, so a key
  // below it only adds the paths longer than the table (this scan runs over every manifest).
  let table: string[] = [];
  let tableKey = '';
  let inMultiline: string | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inMultiline) {
      if (countDelims(line, inMultiline) % 2 === 1) inMultiline = null;
      continue;
    }
    const first = firstChar(line);
    if (first === '' || first === '#' || first === ']' || first === '}' || first === ',') continue;
    if (first === '[') {
      const header = HEADER_LINE.exec(line);
      if (header) {
        table = splitKey(header[1]);
        tableKey = table.join('\u0000');
        record(index, [], table, i + 1);
      }
      continue;
    }
    // Most lines are `key = value`: a cheap match first, the full key grammar only otherwise.
    const simple = SIMPLE_KEY_LINE.exec(line);
    const kv = simple ?? KEY_LINE.exec(line);
    if (kv) {
      if (simple) {
        const k = table.length === 0 ? simple[1] : `${tableKey}\u0000${simple[1]}`;
        if (!index.has(k)) index.set(k, i + 1);
      } else record(index, table, splitKey(kv[1]), i + 1);
      const rest = line.slice(kv[0].length);
      for (const delim of MULTILINE_DELIMS) {
        if (rest.includes(delim) && countDelims(rest, delim) % 2 === 1) inMultiline = delim;
      }
    }
  }
  return index;
}

const MULTILINE_DELIMS = ['"""', "'''"];

/** The line's first character that is not white space ('' for a blank line), as trimStart sees it. */
function firstChar(line: string): string {
  let j = 0;
  while (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9) j++;
  const c = line.charAt(j);
  return /\s/.test(c) ? (line.trimStart()[0] ?? '') : c;
}

function countDelims(s: string, delim: string): number {
  let n = 0;
  for (let at = s.indexOf(delim); at >= 0; at = s.indexOf(delim, at + delim.length)) n++;
  return n;
}

/** Records `table` + `key` and its prefixes longer than `table` (the table's own are there). */
function record(index: LineIndex, table: string[], key: string[], line: number): void {
  // Every prefix of a dotted key is "defined" on this line too (`version.workspace = true`).
  const path = [...table];
  for (const part of key) {
    path.push(part);
    const k = path.join('\u0000');
    if (!index.has(k)) index.set(k, line);
  }
}

/** A key path as the index holds it (a joined table path and a key join to their path). */
export const keyOf = (path: string[]): string => path.join('\u0000');

/** The line of `key` in the table whose path is `tableKey` (from keyOf): one lookup per dependency. */
export const lineBelow = (index: LineIndex, tableKey: string, key: string): number | undefined => index.get(`${tableKey}\u0000${key}`);

export function lineOf(index: LineIndex, path: string[]): number | undefined {
  return index.get(keyOf(path));
}
