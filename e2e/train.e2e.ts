/**
 * The train's executors through the real nx CLI, only for what Nx itself does: each executor
 * runs and exits 0, a refusal exits non-zero with the command's own message (once: every
 * executor goes through the same executorFor), `--target` (which Nx keeps for itself) reaches
 * the executor through the plugin's preTasksExecution hook (and a target that does not take it
 * refuses it), a bare number arrives as a number, and a dry run's diff is printed intact.
 * release-rc with --target and --help: e2e/train-surface.e2e.ts (a second file, so that the two
 * run side by side). What the commands do, and every refusal's message, is proven in-process:
 * e2e/commands/*.test.ts; steps whose nx run would prove nothing new run in-process here too.
 */
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

  it('release-major: the dry run prints its diff intact and exits 0', async () => {
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

    // The cut the next steps build on (that the executor runs is proven by the dry run).
    const initial = ws.git(['rev-parse', 'HEAD']);
    expect(await ok(ws, ['release-major'])).toMatch(/line workspace: 5\.0\.0 -> 6\.0\.0/);
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(initial);
  });

  it('release-latest: release day exits 0', async () => {
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

  it('release-patch from main exits 0, --line arriving as a number', async () => {
    const before = ws.git(['for-each-ref', '--format=%(refname) %(objectname)']);
    // A bare number arrives as a number from Nx's parser (the schema takes --line as a number).
    const out = nxOk(ws, ['release-patch', '--line=5', '--date=2026-12-21']);
    expect(out).toContain('patch release-5.0.0');
    expect(out).toContain('5.0.0 -> 5.0.1');
    const moved = ws
      .git(['for-each-ref', '--format=%(refname) %(objectname)'])
      .split('\n')
      .filter((r) => !before.split('\n').includes(r));
    expect(moved.map((r) => r.split(' ')[0])).toEqual(['refs/heads/release-5.0.0']);
  });
});
