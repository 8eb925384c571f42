/** The dry-run diff: printed whole (through the log's block), and with --diff-file written to the file too. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../core/log';
import type { VersionPlan } from '../../core/version';
import { describePlan } from './apply';
import type { Train } from './train';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A plan whose diff is over Nx's 64 KiB read: 800 changed lines. */
function bigPlan(file: string): VersionPlan {
  const before = Array.from({ length: 800 }, (_, i) => `dep-${i} = "1.0.0" # ${'x'.repeat(40)}`).join('\n') + '\n';
  return {
    bump: 'major',
    primary: null,
    lines: [],
    crates: [],
    edits: [{ file, before, after: before.replaceAll('1.0.0', '2.0.0'), changes: [] }],
    warnings: [],
    staying: [],
  } as VersionPlan;
}

function train(dryRun: boolean, diffFile?: string) {
  const lines: string[] = [];
  const blocks: string[] = [];
  const log: Logger = { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l), block: async (t) => void blocks.push(t) };
  const ctx = { dryRun, log, diffFile: diffFile ? { path: diffFile, diffs: [] } : undefined } as unknown as Train;
  return { ctx, lines, blocks };
}

describe('describePlan', () => {
  it('prints a long dry-run diff whole, as one block, never as one line of the log', async () => {
    const { ctx, lines, blocks } = train(true);
    await describePlan(ctx, bigPlan('Cargo.toml'), 'heading');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].length).toBeGreaterThan(64 * 1024);
    expect(blocks[0].split('\n').filter((l) => l.startsWith('+dep-'))).toHaveLength(800);
    expect(lines.some((l) => l.includes('\n'))).toBe(false);
  });

  it('writes every diff of the run to --diff-file, dry run or not', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nrt-diff-'));
    const file = join(dir, 'out/release.diff');
    const { ctx, lines, blocks } = train(false, file);
    await describePlan(ctx, bigPlan('a/Cargo.toml'), 'a');
    await describePlan(ctx, bigPlan('b/Cargo.toml'), 'b');
    const text = readFileSync(file, 'utf8');
    expect(text.match(/^\+\+\+ .*Cargo\.toml$/gm)).toEqual([expect.stringContaining('a/Cargo.toml'), expect.stringContaining('b/Cargo.toml')]);
    expect(text.split('\n').filter((l) => l.startsWith('+dep-'))).toHaveLength(1600);
    expect(blocks).toEqual([]);
    expect(lines.filter((l) => l.startsWith(`  diff written to ${file} (`))).toHaveLength(2);
  });
});
