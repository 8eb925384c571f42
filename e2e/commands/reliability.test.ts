/**
 * Release safety, the commands in-process against real git and the local GitHub API: what a
 * hostile probe found, each case reproduced and refused or handled. Nothing is corrupted
 * (bytes that are not UTF-8), nothing is released twice (reruns, failed pushes, stale local
 * branches), configuration cannot steer git (ref names, markers), and a refusal leaves
 * everything as it was. kill -9 before, during and after a push: e2e/campaigns/kill.e2e.ts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { repoState } from '../support/state';
import { exampleRepo, symlinkedMemberRepo } from '../support/fixtures';
import { gitHubFor, landOnOrigin, withOrigin } from '../support/origin';
import { ok, refused } from '../support/train-cli';
import type { TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

function example(options: Record<string, unknown> = wasmtimePreset): TempWorkspace {
  const ws = exampleRepo(options);
  cleanups.push(ws.cleanup);
  return ws;
}

function commitFile(ws: TempWorkspace, file: string, text: string | Buffer, message: string): string {
  writeFileSync(join(ws.dir, file), text);
  ws.git(['add', file]);
  ws.git(['commit', '-q', '-m', message]);
  return ws.git(['rev-parse', 'HEAD']);
}

const remoteRefs = (remote: TempWorkspace) => remote.git(['for-each-ref', '--format=%(refname) %(objectname)']).split('\n').filter(Boolean).sort();

describe('bytes that are not UTF-8', () => {
  it('a Latin-1 byte in RELEASES.md is refused with file and offset; nothing is committed', async () => {
    const ws = example();
    const text = readFileSync(join(ws.dir, 'RELEASES.md'), 'latin1').replace('Unreleased.', 'Unreleased.\n\nThanks to Jos\xe9.');
    commitFile(ws, 'RELEASES.md', Buffer.from(text, 'latin1'), 'notes');
    ws.git(['branch', 'release-5.0.0']);
    const before = repoState(ws);
    const offset = Buffer.from(text, 'latin1').indexOf(0xe9);
    for (const args of [['release-major'], ['release-patch', '--target=5.x'], ['release-latest']]) {
      const out = await refused(ws, args);
      expect(out).toContain(`RELEASES.md at ${ws.git(['rev-parse', 'HEAD']).slice(0, 12)} is not UTF-8 text: byte ${offset} (0xe9, line 5, column 14)`);
      expect(repoState(ws)).toEqual(before);
    }
  });

  it('a bad byte in the C header names the header, not RELEASES.md', async () => {
    const ws = example();
    const header = 'crates/c-api/include/wasmtime.h';
    commitFile(ws, header, Buffer.concat([Buffer.from('// \xa9 the authors\n', 'latin1'), readFileSync(join(ws.dir, header))]), 'header');
    const out = await refused(ws, ['release-major', '--dry-run']);
    expect(out).toContain(`${header} at `);
    expect(out).toContain('byte 3 (0xa9, line 1, column 4)');
    expect(out).not.toContain('RELEASES.md at');
  });

  it('a symbolic link whose target is not UTF-8 does not block a release (only links to crates are read)', async () => {
    const ws = example();
    // git stores a link's target as bytes; a Latin-1 target is a link nothing of the release reads.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: ws.dir, input: Buffer.from('docs/caf\xe9.md', 'latin1') })
      .toString()
      .trim();
    ws.git(['update-index', '--add', '--cacheinfo', `120000,${blob},docs-link`]);
    ws.git(['commit', '-q', '-m', 'a link with a Latin-1 target']);
    ws.git(['checkout', 'HEAD', '--', 'docs-link']);
    const out = await ok(ws, ['release-major', '--dry-run']);
    expect(out).toContain('6.0.0');
  });
});

describe('release-patch is idempotent', () => {
  it('a rerun after a completed --push run proposes the same commit again instead of bumping', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws, cleanups);
    const { env } = await gitHubFor(remote, cleanups);
    const push = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    await ok(ws, push, env);
    const released = ws.git(['rev-parse', 'release-5.0.0']);
    expect(remote.git(['rev-parse', 'refs/heads/ci/release-5.0.1'])).toBe(released);
    const refs = remoteRefs(remote);
    const out = await ok(ws, push, env);
    expect(out).toContain('release-5.0.0 already holds the release commit of 5.0.1');
    expect(out).toContain('ci/release-5.0.1 -> release-5.0.0: branch unchanged; pull request #1');
    expect(out).not.toContain('5.0.2');
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(released);
    expect(remoteRefs(remote)).toEqual(refs);
    // Without --push too: nothing moves, and the output says what is left to do.
    expect(await ok(ws, ['release-patch', '--target=5.x'], env)).toContain('already pushed to origin/ci/release-5.0.1: merge its pull request');
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(released);
  });

  it('a failed push moves nothing; a prepared 5.0.1 is then sent as it is, not a 5.0.2', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const base = ws.git(['rev-parse', 'release-5.0.0']);
    const remote = withOrigin(ws, cleanups);
    const { env } = await gitHubFor(remote, cleanups);
    const hook = join(remote.dir, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "remote is down" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const push = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    expect(await refused(ws, push, env)).toContain('remote is down');
    // Proposed before the branch moves: nothing moved locally either.
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(base);
    // Prepared locally (no --push), then sent: the same commit, not a second bump.
    await ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01'], env);
    const prepared = ws.git(['rev-parse', 'release-5.0.0']);
    expect(await ok(ws, ['release-patch', '--target=5.x'], env)).toContain('not pushed yet: pass --push');
    rmSync(hook);
    await ok(ws, push, env);
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(prepared);
    expect(remote.git(['rev-parse', 'refs/heads/ci/release-5.0.1'])).toBe(prepared);
    expect(remoteRefs(remote).filter((r) => r.includes('refs/heads/ci/'))).toHaveLength(1);
  });

  it('a fix landed after the release commit gets the next patch', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    await ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01']);
    ws.git(['switch', '-q', 'release-5.0.0']);
    commitFile(ws, 'FIX.txt', 'a security fix\n', 'fix');
    ws.git(['switch', '-q', 'main']);
    expect(await ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-02'])).toContain('5.0.1 -> 5.0.2');
  });
});

describe('a stale local release branch', () => {
  it('a fix on origin that the local branch lacks is released (built from the newer tip)', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws, cleanups);
    // Someone else lands a fix on origin's release branch.
    landOnOrigin(remote, 'FIX.txt', 'the fix\n', cleanups);
    ws.git(['fetch', '-q', 'origin']);
    const fix = ws.git(['rev-parse', 'origin/release-5.0.0']);
    const out = await ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01']);
    expect(out).toContain(`patch release-5.0.0 (${fix.slice(0, 12)})`);
    expect(ws.git(['rev-parse', 'release-5.0.0^'])).toBe(fix);
    expect(ws.git(['show', 'release-5.0.0:FIX.txt'])).toBe('the fix');
  });

  it('local and origin diverged: refused naming both commits, nothing changed', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws, cleanups);
    ws.git(['switch', '-q', 'release-5.0.0']);
    const local = commitFile(ws, 'LOCAL.txt', 'local\n', 'local fix');
    ws.git(['switch', '-q', 'main']);
    landOnOrigin(remote, 'FIX.txt', 'the fix\n', cleanups);
    ws.git(['fetch', '-q', 'origin']);
    const theirs = ws.git(['rev-parse', 'origin/release-5.0.0']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-patch', '--target=5.x']);
    expect(out).toContain(`release-5.0.0 (${local.slice(0, 12)}) and origin/release-5.0.0 (${theirs.slice(0, 12)}) have diverged`);
    expect(repoState(ws)).toEqual(before);
  });
});

describe('configuration cannot steer git', () => {
  it('a branch pattern holding a newline is refused before git runs; no branch is deleted', async () => {
    const ws = example({ ...wasmtimePreset, branchPattern: 'release-{version}\ndelete refs/heads/main' });
    const before = repoState(ws);
    const out = await refused(ws, ['release-patch', '--target=5.x']);
    expect(out).toContain('branchPattern');
    expect(out).toContain('control character 0x0a');
    expect(repoState(ws)).toEqual(before);
  });

  it('an empty marker is an error, so release-tag never tags an ordinary commit', async () => {
    const ws = example({ ...wasmtimePreset, marker: '' });
    ws.git(['switch', '-q', '-c', 'release-5.0.0']);
    const out = await refused(ws, ['release-tag']);
    expect(out).toContain('nx.json: error: marker is empty');
    expect(ws.git(['tag', '--list'])).toBe('');
  });

  it('an artifacts output directory outside the workspace is refused', async () => {
    const ws = example({ ...wasmtimePreset, artifacts: { ...(wasmtimePreset.artifacts as object), outputDir: '../outside' } });
    expect(await refused(ws, ['release-tag'])).toContain('"artifacts.outputDir" in nx.json plugin options "../outside" leads outside the root');
  });
});

describe('a held .git/index.lock', () => {
  it('release-major refuses before any ref moves, naming the lock', async () => {
    const ws = example();
    writeFileSync(join(ws.dir, '.git/index.lock'), '');
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toContain('index.lock');
    expect(out).not.toContain('fatal:');
    rmSync(join(ws.dir, '.git/index.lock'));
    expect(repoState(ws)).toEqual(before);
    expect(ws.git(['branch', '--list', 'release-5.0.0'])).toBe('');
  });

  it('a dry run on an interrupted cut says what it would finish, and does nothing', async () => {
    const ws = example();
    await ok(ws, ['release-major']);
    // The state a kill between the ref transaction and the working tree leaves: HEAD on the
    // bump, index and files still at the release branch.
    ws.git(['read-tree', '-m', '-u', 'HEAD', 'HEAD^']);
    const before = repoState(ws);
    const out = await ok(ws, ['release-major', '--dry-run']);
    expect(out).toContain('[dry run] would finish an interrupted cut');
    expect(out).not.toContain('finished an interrupted cut');
    expect(repoState(ws)).toEqual(before);
    expect(await ok(ws, ['release-major'])).toContain('finished an interrupted cut');
    expect(ws.git(['status', '--porcelain'])).toBe('');
  });
});

describe('a release branch whose version does not match its name', () => {
  it('release-4.0.0 holding 5.0.0 is refused for --target=4.x --force and --target=latest', async () => {
    const ws = example();
    ws.git(['branch', 'release-4.0.0']);
    const before = repoState(ws);
    for (const args of [['release-patch', '--target=4.x', '--force'], ['release-patch', '--target=latest'], ['release-latest']]) {
      const out = await refused(ws, args);
      expect(out).toContain('release-4.0.0 holds version 5.0.0');
      expect(repoState(ws)).toEqual(before);
    }
  });
});

describe('messages that name the real cause', () => {
  it('a postVersionCommand program that does not exist is "not found", naming the setting; nothing is committed', async () => {
    const ws = example({ ...wasmtimePreset, postVersionCommand: ['no-such-audit-tool', 'check'] });
    ws.git(['branch', 'release-5.0.0']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-patch', '--target=5.x']);
    expect(out).toContain('setting "postVersionCommand"');
    expect(out).toContain('program "no-such-audit-tool" was not found');
    expect(out).not.toContain('failed (exit 1)');
    expect(repoState(ws)).toEqual(before);
  });
  // --registry='x;y' (a publish flag, through run-many): e2e/train.e2e.ts.
});

describe('a symlinked member directory (cargo accepts it)', () => {
  it('a patch edits the real manifest while the link stays a link', async () => {
    const ws = symlinkedMemberRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    // That the graph reports the link (Nx cannot host a project behind one): e2e/train.e2e.ts.
    expect(await ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01'])).toContain('5.0.0 -> 5.0.1');
    expect(ws.git(['ls-tree', 'release-5.0.0', 'cranelift/entity'])).toMatch(/^120000 blob /);
    expect(ws.git(['show', 'release-5.0.0:vendor/entity/Cargo.toml'])).toContain('version = "0.92.1"');
    expect(ws.git(['show', 'release-5.0.0:Cargo.toml'])).toContain('cranelift-entity = { path = "cranelift/entity", version = "0.92.1" }');
  });
});
