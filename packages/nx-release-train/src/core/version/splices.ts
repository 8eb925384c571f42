/**
 * In-place text replacements, collected per file and applied once, so every byte outside the
 * replaced ranges stays exactly as it was.
 */
import type { LineChange } from './diff';

export interface Splice {
  /** Offsets [start, end) in the original text. */
  start: number;
  end: number;
  text: string;
}

export class SpliceSet {
  private readonly byFile = new Map<string, Splice[]>();

  /** Records a replacement; returns false (and records nothing) when it overlaps another one. */
  add(file: string, splice: Splice): boolean {
    const list = this.byFile.get(file) ?? [];
    if (list.some((s) => splice.start < s.end && s.start < splice.end)) return false;
    list.push(splice);
    this.byFile.set(file, list);
    return true;
  }

  files(): string[] {
    return [...this.byFile.keys()];
  }

  /** The text of `file` with its replacements applied. */
  apply(file: string, text: string): string {
    return applySplices(text, this.sorted(file));
  }

  /**
   * The changed lines of `file`, straight from the replacements (no diff of the whole text),
   * or null when a replacement crosses a line break (the caller then diffs the texts).
   */
  changes(file: string, text: string): LineChange[] | null {
    const list = this.sorted(file);
    if (list.some((s) => s.text.includes('\n') || text.slice(s.start, s.end).includes('\n'))) return null;
    const changes: LineChange[] = [];
    let line = 1;
    let counted = 0; // offset up to which newlines are counted into `line`
    for (let i = 0; i < list.length;) {
      const lineStart = text.lastIndexOf('\n', list[i].start - 1) + 1;
      const nl = text.indexOf('\n', list[i].end);
      const lineEnd = nl < 0 ? text.length : nl;
      const onLine: Splice[] = [];
      while (i < list.length && list[i].start <= lineEnd) onLine.push(list[i++]);
      for (let j = text.indexOf('\n', counted); j !== -1 && j < lineStart; j = text.indexOf('\n', j + 1)) line++;
      counted = lineStart;
      const before = text.slice(lineStart, lineEnd);
      const shifted = onLine.map((s) => ({ ...s, start: s.start - lineStart, end: s.end - lineStart }));
      changes.push({ line, beforeLine: stripCr(before), afterLine: stripCr(applySplices(before, shifted)) });
    }
    return changes;
  }

  private sorted(file: string): Splice[] {
    return [...(this.byFile.get(file) ?? [])].sort((x, y) => x.start - y.start);
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Applies sorted, non-overlapping replacements. */
function applySplices(text: string, sorted: readonly Splice[]): string {
  let out = '';
  let at = 0;
  for (const s of sorted) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
