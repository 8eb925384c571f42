/**
 * Finds the 1-based line where a key path is defined in TOML text, for messages and edges.
 * A light line scanner: table headers and (dotted) keys; multi-line strings are skipped.
 * Values are parsed elsewhere; this only answers "which line".
 */

const KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const KEY_LINE = new RegExp(String.raw`^\s*(${KEY_PART}(?:\s*\.\s*${KEY_PART})*)\s*=`);
const SIMPLE_KEY_LINE = /^[ \t]*([A-Za-z0-9_-]+)[ \t]*=/;
const HEADER_LINE = new RegExp(String.raw`^\s*\[\[?\s*(${KEY_PART}(?:\s*\.\s*${KEY_PART})*)\s*\]\]?\s*(?:#.*)?$`);

export function splitKey(key: string): string[] {
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
  let table: string[] = [];
  let inMultiline: string | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inMultiline) {
      if (countDelims(line, inMultiline) % 2 === 1) inMultiline = null;
      continue;
    }
    const first = line.trimStart()[0];
    if (first === undefined || first === '#' || first === ']' || first === '}' || first === ',') continue;
    if (first === '[') {
      const header = HEADER_LINE.exec(line);
      if (header) {
        table = splitKey(header[1]);
        record(index, table, i + 1);
      }
      continue;
    }
    // Most lines are `key = value`: a cheap match first, the full key grammar only otherwise.
    const simple = SIMPLE_KEY_LINE.exec(line);
    const kv = simple ?? KEY_LINE.exec(line);
    if (kv) {
      record(index, simple ? [...table, simple[1]] : [...table, ...splitKey(kv[1])], i + 1);
      const rest = line.slice(kv[0].length);
      for (const delim of ['"""', "'''"]) {
        if (countDelims(rest, delim) % 2 === 1) inMultiline = delim;
      }
    }
  }
  return index;
}

function countDelims(s: string, delim: string): number {
  return s.split(delim).length - 1;
}

function record(index: LineIndex, path: string[], line: number): void {
  // Every prefix of a dotted key is "defined" on this line too (`version.workspace = true`).
  for (let n = 1; n <= path.length; n++) {
    const k = path.slice(0, n).join('\u0000');
    if (!index.has(k)) index.set(k, line);
  }
}

export function lineOf(index: LineIndex, path: string[]): number | undefined {
  return index.get(path.join('\u0000'));
}
