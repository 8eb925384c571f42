/**
 * Finds the 1-based line where a key path is defined in TOML text, for messages and edges.
 * A light line scanner: table headers and (dotted) keys; multi-line strings are skipped.
 * Values are parsed elsewhere; this only answers "which line".
 */

const KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const KEY_LINE = new RegExp(String.raw`^\s*(${KEY_PART}(?:\s*\.\s*${KEY_PART})*)\s*=`);
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

/**
 * Per table (its key path joined with '\u0000', '' for the top level), the first line of each
 * key in it: a key below a table is looked up without building the joined path per line.
 */
export type LineIndex = Map<string, Map<string, number>>;

export function indexLines(text: string): LineIndex {
  const index: LineIndex = new Map();
  // The current table's key, joined; its prefixes were recorded on its header line, so a key
  // below it only adds the paths longer than the table (this scan runs over every manifest).
  let table: string[] = [];
  let tableKey = '';
  let keys = tableIn(index, '');
  let inMultiline: string | null = null;
  // Line by line as offsets into the text: no string per line unless a line needs the full
  // grammar (a header, a quoted or dotted key); a plain `key = value` is read by char codes.
  for (let start = 0, end = 0, line = 1; start <= text.length; start = end + 1, line++) {
    end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (inMultiline) {
      if (countDelims(text, inMultiline, start, end) % 2 === 1) inMultiline = null;
      continue;
    }
    let j = start;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    let first = j < end ? text.charCodeAt(j) : -1;
    // Other white space (a carriage return, a form feed...): as trimStart sees the line.
    if ((first < 33 || first > 126) && first !== -1 && /\s/.test(text[j])) first = text.slice(start, end).trimStart().charCodeAt(0) || -1;
    if (first === -1 || first === HASH || first === CLOSE_BRACKET || first === CLOSE_BRACE || first === COMMA) continue;
    if (first === OPEN_BRACKET) {
      const header = HEADER_LINE.exec(text.slice(start, end));
      if (header) {
        table = splitKey(header[1]);
        tableKey = table.join('\u0000');
        record(index, [], table, line);
        keys = tableIn(index, tableKey);
      }
      continue;
    }
    // Most lines are `key = value` with a bare key: read it here, the full key grammar only otherwise.
    let k = j;
    while (k < end && isBareKeyChar(text.charCodeAt(k))) k++;
    let eq = k;
    while (eq < end && (text.charCodeAt(eq) === 32 || text.charCodeAt(eq) === 9)) eq++;
    let after: number;
    if (k > j && eq < end && text.charCodeAt(eq) === EQUALS) {
      const key = text.slice(j, k);
      if (!keys.has(key)) keys.set(key, line);
      after = eq + 1;
    } else {
      const kv = KEY_LINE.exec(text.slice(start, end));
      if (!kv) continue;
      record(index, table, splitKey(kv[1]), line);
      after = start + kv[0].length;
    }
    if (!hasTripleQuote(text, after, end)) continue;
    for (const delim of MULTILINE_DELIMS) {
      if (countDelims(text, delim, after, end) % 2 === 1) inMultiline = delim;
    }
  }
  return index;
}

const MULTILINE_DELIMS = ['"""', "'''"];
const [HASH, CLOSE_BRACKET, CLOSE_BRACE, COMMA, OPEN_BRACKET, EQUALS] = ['#', ']', '}', ',', '[', '='].map((c) => c.charCodeAt(0));

/** A bare key's characters: A-Z a-z 0-9 _ -. */
function isBareKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** True when text[from, to) holds `"""` or `'''` (most values hold neither: no search beyond the line). */
function hasTripleQuote(text: string, from: number, to: number): boolean {
  for (let q = from; q + 2 < to; q++) {
    const c = text.charCodeAt(q);
    if ((c === 34 || c === 39) && text.charCodeAt(q + 1) === c && text.charCodeAt(q + 2) === c) return true;
  }
  return false;
}

/** Occurrences of `delim` in text[from, to), searched within those bounds. */
function countDelims(text: string, delim: string, from: number, to: number): number {
  let n = 0;
  const line = text.slice(from, to);
  for (let at = line.indexOf(delim); at >= 0; at = line.indexOf(delim, at + delim.length)) n++;
  return n;
}

/** Records `table` + `key` and its prefixes longer than `table` (the table's own are there). */
function record(index: LineIndex, table: string[], key: string[], line: number): void {
  // Every prefix of a dotted key is "defined" on this line too (`version.workspace = true`).
  const path = [...table];
  for (const part of key) {
    const keys = tableIn(index, path.join('\u0000'));
    if (!keys.has(part)) keys.set(part, line);
    path.push(part);
  }
}

function tableIn(index: LineIndex, tableKey: string): Map<string, number> {
  let keys = index.get(tableKey);
  if (!keys) index.set(tableKey, (keys = new Map()));
  return keys;
}

/** A key path as the index holds it (a joined table path and a key join to their path). */
export const keyOf = (path: string[]): string => path.join('\u0000');

/** The line of `key` in the table whose path is `tableKey` (from keyOf): one lookup per dependency. */
export const lineBelow = (index: LineIndex, tableKey: string, key: string): number | undefined => index.get(tableKey)?.get(key);

export function lineOf(index: LineIndex, path: string[]): number | undefined {
  return path.length === 0 ? undefined : lineBelow(index, keyOf(path.slice(0, -1)), path[path.length - 1]);
}
