/**
 * The train's executors through the real nx CLI, only for what Nx itself does: each executor
 * runs and exits 0, a refusal exits non-zero with the command's own message, `--target`
 * (which Nx keeps for itself) reaches release-patch through the plugin's preTasksExecution
 * hook (and a target that does not take it refuses it), a bare number arrives as a number, and a dry run's diff is printed intact. release-rc
 * and --help: e2e/train-surface.e2e.ts (a second file, so that the two run side by side). What
 * the commands do is proven in-process: e2e/commands/*.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { exampleRepo } from './support/fixtures';
import { repoState } from './support/state';
import { ok } from './support/train-cli';
import { refusedLikeInProcess } from './support/nx-refusal';
import { nxOk, nxRefused, type TempWorkspace } from './support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('release-major, release-latest, release-tag and release-patch through nx', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = exampleRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
  });

  it('release-major: a refusal exits non-zero; the dry run prints its diff intact; the cut exits 0', async () => {
    writeFileSync(join(ws.dir, 'README.md'), 'edited\n');
    expect(await refusedLikeInProcess(ws, ['release-major'])).toContain('uncommitted changes: README.md');
    ws.git(['checkout', '--', 'README.md']);

    // The diff as the command prints it in-process (info lines: warnings go to stderr under nx).
    const info: string[] = [];
    const quiet = () => undefined;
    await ok(ws, ['release-major', '--dry-run'], {}, { services: () => ({ log: { info: (l) => info.push(l), warn: quiet, error: quiet } }) });
    const text = info.join('\n');
    const diff = text.slice(text.indexOf('diff --git '), text.lastIndexOf('\nsummary: '));
    expect(diff).toContain('diff --git a/Cargo.toml b/Cargo.toml');
    expect(diff.split('\n').length).toBeGreaterThan(100);
    const before = repoState(ws);
    const viaNx = ws.nx(['release-major', '--dry-run']);
    expect(viaNx.status).toBe(0);
    // Every line of it, in order, nothing dropped, wrapped or interleaved (Nx itself drops
    // the empty lines of a task's output; a diff's own blank context lines are " ").
    const solid = (t: string) =>
      t
        .split('\n')
        .filter((l) => l !== '')
        .join('\n');
    expect(solid(viaNx.stdout)).toContain(solid(diff));
    expect(repoState(ws)).toEqual(before);

    const initial = ws.git(['rev-parse', 'HEAD']);
    expect(nxOk(ws, ['release-major'])).toMatch(/line workspace: 5\.0\.0 -> 6\.0\.0/);
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(initial);
  });

  it('release-latest: a bad date exits non-zero; release day exits 0', async () => {
    expect(await refusedLikeInProcess(ws, ['release-latest', '--date=2026-02-30'])).toContain('not a calendar date');
    expect(nxOk(ws, ['release-latest', '--date=2026-12-20'])).toContain('Release Wasmtime 5.0.0');
    expect(ws.git(['show', 'release-5.0.0:RELEASES.md'])).toMatch(/^## 5\.0\.0\n\nReleased 2026-12-20\./);
  });

  it('release-tag: tags and exits 0; an unknown flag exits non-zero, refused by Nx from the schema', async () => {
    ws.git(['switch', '-q', 'release-5.0.0']);
    const before = repoState(ws);
    expect(nxRefused(ws, ['release-tag', '--brnach=x'])).toContain("'brnach' is not found in schema");
    expect(repoState(ws)).toEqual(before);
    // A flag Nx keeps for itself reaches the executor through the hook, and is refused there.
    expect(await refusedLikeInProcess(ws, ['release-tag', '--target=5.x'])).toContain('release-tag: unknown flag --target=5.x; it takes');
    expect(nxOk(ws, ['release-tag'])).toContain('as v5.0.0');
    expect(ws.git(['rev-parse', 'v5.0.0^{commit}'])).toBe(ws.git(['rev-parse', 'release-5.0.0']));
    ws.git(['switch', '-q', 'main']);
  });

  it('release-patch: --target through the hook from main, --line as a number; an unknown line exits non-zero', async () => {
    expect(await refusedLikeInProcess(ws, ['release-patch', '--target=9.x'])).toContain('there is no 9.x release line');
    // A bare number arrives as a number from Nx's parser.
    expect(nxOk(ws, ['release-patch', '--line=5', '--dry-run'])).toContain('patch release-5.0.0');
    const before = ws.git(['for-each-ref', '--format=%(refname) %(objectname)']);
    const out = nxOk(ws, ['release-patch', '--target=5.x', '--date=2026-12-21']);
    expect(out).toContain('patch release-5.0.0');
    expect(out).toContain('5.0.0 -> 5.0.1');
    const moved = ws
      .git(['for-each-ref', '--format=%(refname) %(objectname)'])
      .split('\n')
      .filter((r) => !before.split('\n').includes(r));
    expect(moved.map((r) => r.split(' ')[0])).toEqual(['refs/heads/release-5.0.0']);
  });
});
