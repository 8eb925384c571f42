import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffLines, lineChanges, renderPlanDiff, splitLines, unifiedDiff } from './diff';

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');

describe('diffLines', () => {
  it('finds a minimal script whose equal lines really are equal', () => {
    const a = splitLines('a\nb\nc\nd\ne\n');
    const b = splitLines('a\nx\nc\ne\nf\n');
    const ops = diffLines(a, b);
    expect(ops.filter((o) => o.op !== 'equal')).toHaveLength(4); // b->x (2 ops), drop d, add f
    for (const o of ops) if (o.op === 'equal') expect(a[o.a]).toBe(b[o.b]);
    const rebuilt = ops.filter((o) => o.op !== 'delete').map((o) => (o.op === 'equal' ? a[o.a] : b[(o as { b: number }).b]));
    expect(rebuilt.join('')).toBe(b.join(''));
  });

  it('handles empty sides', () => {
    expect(diffLines([], splitLines('x\n'))).toEqual([{ op: 'insert', b: 0 }]);
    expect(diffLines(splitLines('x\n'), [])).toEqual([{ op: 'delete', a: 0 }]);
  });
});

describe('lineChanges', () => {
  it('pairs replaced lines and numbers them in the before text', () => {
    expect(lineChanges('a\nversion = "1"\nb\n', 'a\nversion = "2"\nb\n')).toEqual([{ line: 2, beforeLine: 'version = "1"', afterLine: 'version = "2"' }]);
  });

  it('lists pure insertions with their line in the after text and deletions with theirs before', () => {
    expect(lineChanges('a\nb\nc\n', 'a\nnew\nb\n')).toEqual([
      { line: 2, beforeLine: null, afterLine: 'new' },
      { line: 3, beforeLine: 'c', afterLine: null },
    ]);
  });
});

describe('unifiedDiff', () => {
  it('prints git-style headers and a 3-line context hunk', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'LINE FIVE\n');
    expect(unifiedDiff('dir/f.txt', before, after)).toBe(
      [
        'diff --git a/dir/f.txt b/dir/f.txt',
        '--- a/dir/f.txt',
        '+++ b/dir/f.txt',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+LINE FIVE',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('f', 'same\n', 'same\n')).toBe('');
  });

  it('renders every edit of a plan in order', () => {
    const out = renderPlanDiff([
      { file: 'a', before: 'x\n', after: 'y\n' },
      { file: 'b', before: 'same\n', after: 'same\n' },
      { file: 'c', before: '1\n', after: '2\n' },
    ]);
    expect(out.match(/^diff --git .*$/gm)).toEqual(['diff --git a/a b/a', 'diff --git a/c b/c']);
  });
});

// The renderer must agree with git itself on hunks (headers differ only by git's `index` line
// and the function-context text git appends after `@@`).
const work = mkdtempSync(join(tmpdir(), 'nxrt-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function gitHunks(before: string, after: string): string {
  const a = join(work, 'a');
  const b = join(work, 'b');
  writeFileSync(a, before);
  writeFileSync(b, after);
  let out = '';
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--no-indent-heuristic', '-U3', a, b], { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit status 1 means "differences found"
  }
  return hunksOnly(out);
}

const hunksOnly = (diff: string) => diff.slice(diff.indexOf('\n@@') + 1).replace(/^(@@ [^@]+ @@).*$/gm, '$1');

describe('unifiedDiff against git diff', () => {
  const cases: Array<[string, string, string]> = [
    ['a change near the top', lines(20), lines(20).replace('line 2\n', 'two\n')],
    ['two close changes merge into one hunk', lines(30), lines(30).replace('line 10\n', 'ten\n').replace('line 15\n', 'fifteen\n')],
    ['two far changes make two hunks', lines(40), lines(40).replace('line 5\n', 'five\n').replace('line 30\n', 'thirty\n')],
    ['insertion at the top', lines(5), 'new\n' + lines(5)],
    ['deletion at the end', lines(8), lines(7)],
    ['single line file', 'a\n', 'b\n'],
    ['missing final newline added', 'a\nb', 'a\nb\n'],
    ['missing final newline kept', 'a\nb\nc', 'a\nB\nc'],
  ];
  it.each(cases)('%s', (_name, before, after) => {
    expect(hunksOnly(unifiedDiff('f', before, after))).toBe(gitHunks(before, after));
  });

  const fixtures = resolve(__dirname, '../../../../../fixtures/wasmtime/cut-45');
  it('on the real cut-45 changes', () => {
    const files = ['Cargo.toml', 'Cargo.lock', 'RELEASES.md', 'cranelift/codegen/Cargo.toml'];
    for (const f of files) {
      const before = readFileSync(join(fixtures, 'before/tree', f), 'utf8');
      const after = readFileSync(join(fixtures, 'after/tree', f), 'utf8');
      expect(hunksOnly(unifiedDiff(f, before, after)), f).toBe(gitHunks(before, after));
    }
    expect(readdirSync(join(fixtures, 'before/tree')).length).toBeGreaterThan(0);
  });
});
