/**
 * kill -9 campaigns on the train's commands: the real nx CLI killed (its whole process group)
 * at chosen points, then a rerun (in-process: the rerun is not what is under test). Every time
 * the repository ends in the old state or the new one, and a release is made exactly once.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { exampleRepo } from '../support/fixtures';
import { killedWhen } from '../support/kill';
import { gitHubFor, REPOSITORY, withOrigin, type Cleanups } from '../support/origin';
import { RC_CASE, rcRepo } from '../support/rc';
import { repoState, treeMismatches } from '../support/state';
import { ok } from '../support/train-cli';

const cleanups: Cleanups = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('kill -9 during the cut, then a rerun', () => {
  it('leaves the old state, and the rerun makes the whole cut', async () => {
    const flags = mkdtempSync(join(tmpdir(), 'nrt-kill-'));
    cleanups.push(() => rmSync(flags, { recursive: true, force: true }));
    // A post-version command that, while armed, says it runs and then hangs: the run is killed there.
    const script = `const fs=require('fs');if(fs.existsSync(${JSON.stringify(join(flags, 'armed'))})){fs.writeFileSync(${JSON.stringify(join(flags, 'reached'))},'');setTimeout(()=>{},600000)}`;
    const ws = rcRepo({ ...wasmtimePreset, postVersionCommand: [process.execPath, '-e', script] });
    cleanups.push(ws.cleanup);
    const before = repoState(ws);
    writeFileSync(join(flags, 'armed'), '');
    await killedWhen(ws.dir, ['release-major', '--date=2026-09-05'], {}, () => existsSync(join(flags, 'reached')));
    const after = repoState(ws);
    expect(after.refs).toBe(before.refs);
    expect(after.files).toEqual(before.files);
    expect(after.status).toBe(before.status);

    rmSync(join(flags, 'armed'));
    expect(await ok(ws, ['release-major', '--date=2026-09-05'])).toContain('branch release-49.0.0 at 49.0.0-rc.1');
    expect(treeMismatches(ws, 'release-49.0.0', join(RC_CASE, 'after/tree'))).toEqual([]);
    expect(ws.git(['log', '-1', '--format=%B', 'main'])).toBe('Bump Wasmtime to 50.0.0');
    expect(ws.git(['status', '--porcelain'])).toBe('');

    // A kill after the ref transaction but before the checkout followed main: the rerun finishes it.
    ws.git(['read-tree', '--reset', '-u', 'HEAD^']);
    expect(await ok(ws, ['release-major'])).toContain('finished an interrupted cut: release-49.0.0');
    expect(ws.git(['status', '--porcelain'])).toBe('');
    const again = await ok(ws, ['release-major']);
    expect(again).toContain('nothing to do: 49.0.0-dev was already cut');
    expect(again).toContain('summary: 49.0.0-dev -> 50.0.0-dev; 0 files; branch release-49.0.0 at 49.0.0-rc.1');
  });
});

/**
 * kill -9 of `release-patch --push` at four points, each followed by a rerun: every time the
 * line ends released exactly once (5.0.1 on origin's review branch, the local branch on that
 * same commit, and no 5.0.2 anywhere).
 */
describe('kill -9 campaign: release-patch --push', () => {
  type Point = 'start' | 'refs-moved' | 'during-push' | 'after-push';

  it('every kill point, then a rerun: 5.0.1 released once', async () => {
    const ws = exampleRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws, cleanups);
    const base = ws.git(['rev-parse', 'release-5.0.0']);
    const signal = (name: string) => join(remote.dir, name);
    writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\ncat >/dev/null\ntouch "${signal('receiving')}"\nsleep 1\n`);
    writeFileSync(join(remote.dir, 'hooks', 'post-receive'), `#!/bin/sh\ncat >/dev/null\ntouch "${signal('received')}"\n`);
    chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    chmodSync(join(remote.dir, 'hooks', 'post-receive'), 0o755);
    const args = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    // The review branch is pushed (and its pull request opened) before the local branch moves.
    let started = 0;
    const triggers: Record<Point, () => boolean> = {
      start: () => Date.now() - started >= 400,
      'during-push': () => existsSync(signal('receiving')),
      'after-push': () => existsSync(signal('received')),
      'refs-moved': () => ws.git(['rev-parse', 'release-5.0.0']) !== base,
    };
    const report: string[] = [];
    for (const point of Object.keys(triggers) as Point[]) {
      // Back to an unpatched line, locally and on origin.
      ws.git(['update-ref', 'refs/heads/release-5.0.0', base]);
      remote
        .git(['for-each-ref', '--format=delete %(refname)', 'refs/heads/ci'])
        .split('\n')
        .filter(Boolean)
        .forEach((line) => remote.git(['update-ref', '-d', line.slice(7)]));
      rmSync(signal('receiving'), { force: true });
      rmSync(signal('received'), { force: true });

      // A GitHub API per point, so each starts with no pull request.
      const github = await gitHubFor(remote, cleanups);
      started = Date.now();
      await killedWhen(ws.dir, args, github.env, triggers[point], 60_000);
      await ok(ws, args, github.env);
      if (point === 'after-push') await ok(ws, args, github.env); // and once more after a completed run
      const pulls = github.api.state.repo(REPOSITORY)!.pulls;
      expect(pulls.map((p) => `${p.headRef} ${p.state}`)).toEqual(['ci/release-5.0.1 open']);
      await github.stop();

      const tip = ws.git(['rev-parse', 'release-5.0.0']);
      const bumps = remote.git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/ci']);
      report.push(`${point}: ${bumps}`);
      expect(bumps).toBe(`refs/heads/ci/release-5.0.1 ${tip}`);
      expect(ws.git(['rev-parse', `${tip}^`])).toBe(base);
      expect(ws.git(['show', `${tip}:Cargo.toml`])).toContain('version = "5.0.1"');
      expect(ws.git(['worktree', 'list']).split('\n')).toHaveLength(1);
    }
    expect(report).toHaveLength(4);
  }, 900_000);
});
