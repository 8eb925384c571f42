/**
 * Line diffs: Myers' O((N+M)·D) algorithm over lines, used for the changed-line lists of a plan
 * and for the unified diff a dry run prints. Lines keep their terminator so that a change in
 * the final newline shows up (as `\ No newline at end of file`, like git).
 */

export type DiffOp = { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number };

/** One changed line: `line` is its 1-based number in `before` (in `after` for a pure insertion). */
export interface LineChange {
  line: number;
  beforeLine: string | null;
  afterLine: string | null;
}

/** Splits text into lines that keep their '\n' (the last one may lack it). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
    nl = text.indexOf('\n', start);
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function stripEol(line: string): string {
  return line.endsWith('\r\n') ? line.slice(0, -2) : line.endsWith('\n') ? line.slice(0, -1) : line;
}

/** The edit script turning `a` into `b`, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  // Common prefix and suffix cost nothing and usually leave a small middle.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops: DiffOp[] = [];
  for (let i = 0; i < pre; i++) ops.push({ op: 'equal', a: i, b: i });
  myersMiddle(a, b, pre, a.length - suf, pre, b.length - suf, ops);
  for (let i = suf; i > 0; i--) ops.push({ op: 'equal', a: a.length - i, b: b.length - i });
  return ops;
}

function myersMiddle(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number, out: DiffOp[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds V[-d..d] after round d: O(D²) memory instead of O((N+M)·D).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  const rev: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number) => prev[k + d - 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      rev.push({ op: 'equal', a: a0 + x, b: b0 + y });
    }
    if (prevK === k + 1) rev.push({ op: 'insert', b: b0 + prevY });
    else rev.push({ op: 'delete', a: a0 + prevX });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    rev.push({ op: 'equal', a: a0 + x, b: b0 + y });
  }
  for (let i = rev.length - 1; i >= 0; i--) out.push(rev[i]);
}

/**
 * Changed lines between two texts. Within a run of changes, deletions and insertions pair up
 * in order as replaced lines; the rest are pure deletions (afterLine null) or insertions
 * (beforeLine null). Line texts carry no terminator.
 */
export function lineChanges(before: string, after: string): LineChange[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const changes: LineChange[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === 'equal') {
      i++;
      continue;
    }
    const dels: number[] = [];
    const ins: number[] = [];
    for (; i < ops.length && ops[i].op !== 'equal'; i++) {
      const o = ops[i];
      if (o.op === 'delete') dels.push(o.a);
      else if (o.op === 'insert') ins.push(o.b);
    }
    const pairs = Math.min(dels.length, ins.length);
    for (let j = 0; j < pairs; j++) changes.push({ line: dels[j] + 1, beforeLine: stripEol(a[dels[j]]), afterLine: stripEol(b[ins[j]]) });
    for (let j = pairs; j < dels.length; j++) changes.push({ line: dels[j] + 1, beforeLine: stripEol(a[dels[j]]), afterLine: null });
    for (let j = pairs; j < ins.length; j++) changes.push({ line: ins[j] + 1, beforeLine: null, afterLine: stripEol(b[ins[j]]) });
  }
  return changes;
}

function range(start: number, count: number): string {
  // GNU/git convention: an empty range names the line before it; a count of 1 is implied.
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/**
 * A git-style unified diff of one file (`diff --git a/F b/F`, `--- a/F`, `+++ b/F`, hunks with
 * `context` lines around changes). Empty string when the texts are equal.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`];
  const line = (prefix: string, text: string) => {
    out.push(prefix + stripEol(text));
    if (!text.endsWith('\n')) out.push('\\ No newline at end of file');
  };
  let i = 0;
  while (i < ops.length) {
    // Find the next change, then extend the hunk while changes are within 2*context lines.
    while (i < ops.length && ops[i].op === 'equal') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].op !== 'equal') end++;
      let gap = end;
      while (gap < ops.length && ops[gap].op === 'equal') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aStart = firstIndex(ops, start, 'a');
    const bStart = firstIndex(ops, start, 'b');
    const aCount = hunk.filter((o) => o.op !== 'insert').length;
    const bCount = hunk.filter((o) => o.op !== 'delete').length;
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
    for (const o of hunk) {
      if (o.op === 'equal') line(' ', a[o.a]);
      else if (o.op === 'delete') line('-', a[o.a]);
      else line('+', b[o.b]);
    }
    i = stop;
  }
  return out.join('\n') + '\n';
}

/** 0-based index in side `side` where the op at `at` sits (lines of that side before it). */
function firstIndex(ops: DiffOp[], at: number, side: 'a' | 'b'): number {
  let count = 0;
  for (let j = 0; j < at; j++) {
    const o = ops[j];
    if (side === 'a' ? o.op !== 'insert' : o.op !== 'delete') count++;
  }
  return count;
}

/** The dry run's diff: every edit as a git-style unified diff, in the given (plan) order. */
export function renderPlanDiff(edits: ReadonlyArray<{ file: string; before: string; after: string }>, context = 3): string {
  return edits.map((e) => unifiedDiff(e.file, e.before, e.after, context)).join('');
}
