/**
 * Today's Wasmtime train (SPEC §1b), the commands in-process against real git, on a copy of
 * Wasmtime's main at 49.0.0-dev: the cut with its first candidate (golden), another candidate,
 * release day, a patch and the tags; a repo serving an old-shape and a new-shape release line
 * from one main (a long rehearsal: e2e/campaigns/rc-two-shapes.e2e.ts); refusals that change
 * nothing. A kill -9 during the cut: e2e/campaigns/kill.e2e.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { repoState, treeMismatches } from '../support/state';
import { MARKER, message, rcRepo, refusedUnchanged, rewrite, RC_CASE as CASE, show, untouched } from '../support/rc';
import { ok } from '../support/train-cli';
import type { TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const repo = (options?: Record<string, unknown>, edit?: (dir: string) => void) => {
  const ws = rcRepo(options, edit);
  cleanups.push(ws.cleanup);
  return ws;
};

/** release-tag as CI runs it: a detached checkout of the branch, named with --branch. */
async function tagBranch(ws: TempWorkspace, branch: string): Promise<string> {
  ws.git(['switch', '-q', '--detach', branch]);
  const out = await ok(ws, ['release-tag', `--branch=${branch}`]);
  ws.git(['switch', '-q', 'main']);
  return out;
}

describe("today's train on Wasmtime's main at 49.0.0-dev", () => {
  let ws: TempWorkspace;
  let initial: string;
  beforeAll(async () => {
    ws = repo();
    initial = ws.git(['rev-parse', 'HEAD']);
  });

  it('the cut: release-49.0.0 holds rc.1 byte for byte (golden) on top of the cut point, main at 50.0.0-dev', async () => {
    const out = await ok(ws, ['release-major', '--date=2026-09-05']);
    expect(out).toContain('summary: 49.0.0-dev -> 50.0.0-dev; 24 files; branch release-49.0.0 at 49.0.0-rc.1');
    expect(treeMismatches(ws, 'release-49.0.0', join(CASE, 'after/tree'))).toEqual([]);
    expect(ws.git(['rev-parse', 'release-49.0.0^'])).toBe(initial);
    expect(message(ws, 'release-49.0.0')).toBe(`Release Wasmtime 49.0.0-rc.1\n\n${MARKER}`);
    expect(ws.git(['diff', '--name-only', 'release-49.0.0^', 'release-49.0.0']).split('\n')).toHaveLength(23);
    // main: one commit on the cut point, named without -dev, carrying 50.0.0-dev.
    expect(ws.git(['rev-parse', 'main^'])).toBe(initial);
    expect(message(ws, 'main')).toBe('Bump Wasmtime to 50.0.0');
    expect(show(ws, 'main', 'Cargo.toml')).toContain('version = "50.0.0-dev"');
    expect(show(ws, 'main', 'cranelift/codegen/Cargo.toml')).toContain('version = "0.137.0-dev"');
    const header = show(ws, 'main', 'crates/c-api/include/wasmtime.h');
    expect(header).toContain('#define WASMTIME_VERSION "50.0.0-dev"');
    expect(header).toContain('#define WASMTIME_VERSION_MAJOR 50');
    const notes = show(ws, 'main', 'RELEASES.md');
    expect(notes.startsWith('## 50.0.0\n\nUnreleased.\n')).toBe(true);
    expect(notes).toContain('<!-- ARCHIVE_START -->\n* [49.0.x](https://github.com/bytecodealliance/wasmtime/blob/release-49.0.0/RELEASES.md)\n');
    expect(ws.git(['branch', '--list', '*dev*'])).toBe('');
    expect(ws.git(['status', '--porcelain'])).toBe('');
    expect(await tagBranch(ws, 'release-49.0.0')).toContain('as v49.0.0-rc.1');
  });

  it('a patch of the line still in candidates is refused, naming the fix', async () => {
    const out = await refusedUnchanged(ws, ['release-patch', '--target=49.x', '--date=2026-09-10']);
    expect(out).toContain('release-49.0.0');
    expect(out).toContain('49.0.0-rc.1');
    expect(out).toMatch(/not released: a patch comes after release day/);
    expect(out).toMatch(/nx release-latest/);
  });

  it('release-rc makes rc.2 on the release branch from main, never touching the checkout', async () => {
    const rc1 = ws.git(['rev-parse', 'release-49.0.0']);
    const notes = show(ws, 'release-49.0.0', 'RELEASES.md');
    const out = await untouched(ws, ['release-rc', '--target=49.x']);
    expect(out).toContain('summary: release-49.0.0 49.0.0-rc.1 -> 49.0.0-rc.2');
    expect(ws.git(['rev-parse', 'release-49.0.0^'])).toBe(rc1);
    expect(message(ws, 'release-49.0.0')).toBe(`Release Wasmtime 49.0.0-rc.2\n\n${MARKER}`);
    expect(show(ws, 'release-49.0.0', 'Cargo.toml')).toContain('wasmtime-environ = { path = "crates/environ", version = "=49.0.0-rc.2" }');
    expect(show(ws, 'release-49.0.0', 'cranelift/codegen/Cargo.toml')).toContain('version = "0.136.0-rc.2"');
    expect(show(ws, 'release-49.0.0', 'crates/c-api/include/wasmtime.h')).toContain('#define WASMTIME_VERSION "49.0.0-rc.2"');
    expect(show(ws, 'release-49.0.0', 'RELEASES.md')).toBe(notes);
    expect(show(ws, 'release-49.0.0', 'Cargo.lock')).not.toContain('-rc.1"');
    expect(show(ws, 'release-49.0.0', 'Cargo.toml')).not.toContain('-rc.1"');
    expect(await tagBranch(ws, 'release-49.0.0')).toContain('as v49.0.0-rc.2');
  });

  it('release day drops the suffix on both lines and dates the notes', async () => {
    const out = await untouched(ws, ['release-latest', '--date=2026-09-20']);
    expect(out).toContain('release 49.0.0 (from 49.0.0-rc.2) on release-49.0.0');
    expect(message(ws, 'release-49.0.0')).toBe(`Release Wasmtime 49.0.0\n\n${MARKER}`);
    expect(show(ws, 'release-49.0.0', 'Cargo.toml')).toContain('version = "49.0.0"');
    expect(show(ws, 'release-49.0.0', 'cranelift/codegen/Cargo.toml')).toContain('version = "0.136.0"');
    expect(show(ws, 'release-49.0.0', 'crates/c-api/include/wasmtime.h')).toContain('#define WASMTIME_VERSION "49.0.0"');
    expect(show(ws, 'release-49.0.0', 'RELEASES.md').startsWith('## 49.0.0\n\nReleased 2026-09-20.\n')).toBe(true);
    for (const file of ['Cargo.toml', 'Cargo.lock', 'crates/c-api/include/wasmtime.h', 'cranelift/codegen/Cargo.toml'])
      expect(show(ws, 'release-49.0.0', file)).not.toMatch(/(49\.0\.0|0\.136\.0)-rc/);
    expect(await tagBranch(ws, 'release-49.0.0')).toContain('as v49.0.0');
  });

  it('another candidate on the released line is refused', async () => {
    const out = await refusedUnchanged(ws, ['release-rc']);
    expect(out).toContain('release-49.0.0 is at 49.0.0: the line is released, and a candidate 49.0.0-rc.1 would sort below 49.0.0');
    expect(out).toContain('fix: ship the fix as a patch release: nx release-patch --target=49.x');
  });

  it('a patch after release day works as on the classic train, and is tagged', async () => {
    const out = await untouched(ws, ['release-patch', '--target=49.x', '--date=2026-10-01']);
    expect(out).toContain('49.0.0 -> 49.0.1');
    expect(show(ws, 'release-49.0.0', 'Cargo.toml')).toContain('version = "49.0.1"');
    expect(show(ws, 'release-49.0.0', 'cranelift/codegen/Cargo.toml')).toContain('version = "0.136.1"');
    expect(await tagBranch(ws, 'release-49.0.0')).toContain('as v49.0.1');
    expect(ws.git(['tag', '--list']).split('\n').sort()).toEqual(['v49.0.0', 'v49.0.0-rc.1', 'v49.0.0-rc.2', 'v49.0.1']);
    expect(ws.git(['rev-list', '--count', 'main'])).toBe('2');
  });
});

/** A dry run of the cut: succeeds, and leaves files, index, HEAD and every ref as they were. */
async function dryRunCut(ws: TempWorkspace): Promise<string> {
  const before = repoState(ws);
  const out = await ok(ws, ['release-major', '--dry-run']);
  expect(repoState(ws)).toEqual(before);
  return out;
}

describe('dry run and refusals change nothing; refusals name the branch or version and the fix', () => {
  it('a main at X.0.0-rc.1', async () => {
    const ws = repo(wasmtimePreset, (dir) => rewrite(dir, (t) => t.replaceAll('.0-dev"', '.0-rc.1"')));
    const out = await refusedUnchanged(ws, ['release-major']);
    expect(out).toContain('version "49.0.0-rc.1" is a release candidate: candidates live on release branches');
    expect(out).toContain("set it to 49.0.0-dev (today's train) or 49.0.0 (classic train)");
  });

  it('a -dev main whose crates disagree (49.0.0-dev and 49.0.0)', async () => {
    const ws = repo(wasmtimePreset, (dir) => rewrite(dir, (t) => t.replaceAll('49.0.0-dev', '49.0.0')));
    const out = await refusedUnchanged(ws, ['release-major']);
    expect(out).toMatch(/version line 0\.136 is at 0\.136\.0-dev \(in development\) but line workspace is at 49\.0\.0 \(released\)/);
    expect(out).toContain('bring every line to the same suffix');
  });

  it('--dry-run prints both diffs (main and the first candidate) and changes nothing', async () => {
    const ws = repo();
    const out = await dryRunCut(ws);
    expect(out).toContain('[dry run] cut release-49.0.0 from main');
    expect(out).toContain('[dry run] first candidate on release-49.0.0: 49.0.0-dev -> 49.0.0-rc.1');
    expect(out).toContain('+version = "50.0.0-dev"');
    expect(out).toContain('+version = "49.0.0-rc.1"');
    expect(out).toContain('+#define WASMTIME_VERSION "49.0.0-rc.1"');
  });

  it('a release branch that already exists', async () => {
    const ws = repo();
    ws.git(['branch', 'release-49.0.0']);
    const out = await refusedUnchanged(ws, ['release-major']);
    expect(out).toContain('branch release-49.0.0 already exists locally');
    expect(out).toContain('49.0.0-dev');
  });

  it('a candidate on a line cut without candidates', async () => {
    const ws = repo({ ...wasmtimePreset, candidates: false });
    expect(await ok(ws, ['release-major'])).toContain('summary: 49.0.0-dev -> 50.0.0-dev');
    expect(show(ws, 'release-49.0.0', 'Cargo.toml')).toContain('version = "49.0.0-dev"');
    const out = await refusedUnchanged(ws, ['release-rc']);
    expect(out).toContain('release-49.0.0 is at 49.0.0-dev: it was cut without release candidates');
    expect(out).toContain('nx release-latest');
  });
});
