/**
 * Release safety through the real nx CLI and real git: what a hostile probe found, each case
 * reproduced and refused or handled. Nothing is corrupted (bytes that are not UTF-8), nothing
 * is released twice (reruns, failed pushes, kill -9 before, during and after a push, stale
 * local branches), configuration cannot steer git (ref names, markers), and a refusal leaves
 * everything as it was.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi } from '../tools/local-github';
import { repoState } from './support/state';
import { exampleRoot, gitEnv, makeWorkspace, NX_ENV, nxAsync, nxOk as ok, nxRefused as refused, repoRoot, type TempWorkspace } from './support/workspace';

const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const GH_TOKEN = 'ghs_reliabilityBotToken0123456789';
const REPOSITORY = 'bytecodealliance/wasmtime';

/** The local GitHub API backed by `remote`: what `--push` needs (its token, API and repository). */
async function gitHubFor(remote: TempWorkspace): Promise<{ api: Awaited<ReturnType<typeof startGitHubApi>>; env: NodeJS.ProcessEnv; stop(): Promise<void> }> {
  const api = await startGitHubApi({ token: GH_TOKEN, repos: { [REPOSITORY]: { gitDir: remote.dir } } });
  cleanups.push(() => api.stop());
  return { api, env: { GITHUB_TOKEN: GH_TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: REPOSITORY }, stop: () => api.stop() };
}

/** nx with the event loop free (the GitHub API answers from this process): output, or a failure. */
async function okAsync(ws: TempWorkspace, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await nxAsync(ws.dir, args, env);
  if (r.status !== 0) throw new Error(`nx ${args.join(' ')} failed (exit ${r.status})\n${r.out}`);
  return r.out;
}

async function refusedAsync(ws: TempWorkspace, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await nxAsync(ws.dir, args, env);
  if (r.status === 0) throw new Error(`nx ${args.join(' ')} should have failed\n${r.out}`);
  return r.out;
}

function example(options: Record<string, unknown> = wasmtimePreset): TempWorkspace {
  const ws = makeWorkspace({ from: exampleRoot, options, git: true });
  cleanups.push(ws.cleanup);
  return ws;
}

/** A bare `origin` for `ws`, with `release-5.0.0` on it and fetched. */
function withOrigin(ws: TempWorkspace): TempWorkspace {
  const remote = makeWorkspace({});
  cleanups.push(remote.cleanup);
  remote.git(['init', '-q', '--bare', '.']);
  ws.git(['remote', 'add', 'origin', remote.dir]);
  ws.git(['push', '-q', 'origin', 'main', 'release-5.0.0']);
  ws.git(['fetch', '-q', 'origin']);
  return remote;
}

function commitFile(ws: TempWorkspace, file: string, text: string | Buffer, message: string): string {
  writeFileSync(join(ws.dir, file), text);
  ws.git(['add', file]);
  ws.git(['commit', '-q', '-m', message]);
  return ws.git(['rev-parse', 'HEAD']);
}

/** Someone else lands a commit on origin's release-5.0.0. */
function landOnOrigin(remote: TempWorkspace, file: string, text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-other-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv(), stdio: 'ignore' });
  git(['clone', '-q', '-b', 'release-5.0.0', remote.dir, '.']);
  writeFileSync(join(dir, file), text);
  git(['add', file]);
  git(['commit', '-q', '-m', 'fix on origin']);
  git(['push', '-q', 'origin', 'release-5.0.0']);
}

const remoteRefs = (remote: TempWorkspace) => remote.git(['for-each-ref', '--format=%(refname) %(objectname)']).split('\n').filter(Boolean).sort();

describe('bytes that are not UTF-8', () => {
  it('a Latin-1 byte in RELEASES.md is refused with file and offset; nothing is committed', () => {
    const ws = example();
    const text = readFileSync(join(ws.dir, 'RELEASES.md'), 'latin1').replace('Unreleased.', 'Unreleased.\n\nThanks to Jos\xe9.');
    commitFile(ws, 'RELEASES.md', Buffer.from(text, 'latin1'), 'notes');
    ws.git(['branch', 'release-5.0.0']);
    const before = repoState(ws);
    const offset = Buffer.from(text, 'latin1').indexOf(0xe9);
    for (const args of [['release-major'], ['release-patch', '--target=5.x'], ['release-latest']]) {
      const out = refused(ws, args);
      expect(out).toContain(`RELEASES.md at ${ws.git(['rev-parse', 'HEAD']).slice(0, 12)} is not UTF-8 text: byte ${offset} (0xe9, line 5, column 14)`);
      expect(repoState(ws)).toEqual(before);
    }
  });

  it('a bad byte in the C header names the header, not RELEASES.md', () => {
    const ws = example();
    const header = 'crates/c-api/include/wasmtime.h';
    commitFile(ws, header, Buffer.concat([Buffer.from('// \xa9 the authors\n', 'latin1'), readFileSync(join(ws.dir, header))]), 'header');
    const out = refused(ws, ['release-major', '--dry-run']);
    expect(out).toContain(`${header} at `);
    expect(out).toContain('byte 3 (0xa9, line 1, column 4)');
    expect(out).not.toContain('RELEASES.md at');
  });
});

describe('release-patch is idempotent', () => {
  it('a rerun after a completed --push run proposes the same commit again instead of bumping', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws);
    const { env } = await gitHubFor(remote);
    const push = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    await okAsync(ws, push, env);
    const released = ws.git(['rev-parse', 'release-5.0.0']);
    expect(remote.git(['rev-parse', 'refs/heads/ci/release-5.0.1'])).toBe(released);
    const refs = remoteRefs(remote);
    const out = await okAsync(ws, push, env);
    expect(out).toContain('release-5.0.0 already holds the release commit of 5.0.1');
    expect(out).toContain('ci/release-5.0.1 -> release-5.0.0: branch unchanged; pull request #1');
    expect(out).not.toContain('5.0.2');
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(released);
    expect(remoteRefs(remote)).toEqual(refs);
    // Without --push too: nothing moves, and the output says what is left to do.
    expect(await okAsync(ws, ['release-patch', '--target=5.x'], env)).toContain('already pushed to origin/ci/release-5.0.1: merge its pull request');
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(released);
  });

  it('a failed push moves nothing; a prepared 5.0.1 is then sent as it is, not a 5.0.2', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const base = ws.git(['rev-parse', 'release-5.0.0']);
    const remote = withOrigin(ws);
    const { env } = await gitHubFor(remote);
    const hook = join(remote.dir, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "remote is down" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const push = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    expect(await refusedAsync(ws, push, env)).toContain('remote is down');
    // Proposed before the branch moves: nothing moved locally either.
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(base);
    // Prepared locally (no --push), then sent: the same commit, not a second bump.
    await okAsync(ws, ['release-patch', '--target=5.x', '--date=2026-12-01'], env);
    const prepared = ws.git(['rev-parse', 'release-5.0.0']);
    expect(await okAsync(ws, ['release-patch', '--target=5.x'], env)).toContain('not pushed yet: pass --push');
    rmSync(hook);
    await okAsync(ws, push, env);
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(prepared);
    expect(remote.git(['rev-parse', 'refs/heads/ci/release-5.0.1'])).toBe(prepared);
    expect(remoteRefs(remote).filter((r) => r.includes('refs/heads/ci/'))).toHaveLength(1);
  });

  it('a fix landed after the release commit gets the next patch', () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01']);
    ws.git(['switch', '-q', 'release-5.0.0']);
    commitFile(ws, 'FIX.txt', 'a security fix\n', 'fix');
    ws.git(['switch', '-q', 'main']);
    expect(ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-02'])).toContain('5.0.1 -> 5.0.2');
  });
});

describe('a stale local release branch', () => {
  it('a fix on origin that the local branch lacks is released (built from the newer tip)', () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws);
    // Someone else lands a fix on origin's release branch.
    landOnOrigin(remote, 'FIX.txt', 'the fix\n');
    ws.git(['fetch', '-q', 'origin']);
    const fix = ws.git(['rev-parse', 'origin/release-5.0.0']);
    const out = ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01']);
    expect(out).toContain(`patch release-5.0.0 (${fix.slice(0, 12)})`);
    expect(ws.git(['rev-parse', 'release-5.0.0^'])).toBe(fix);
    expect(ws.git(['show', 'release-5.0.0:FIX.txt'])).toBe('the fix');
  });

  it('local and origin diverged: refused naming both commits, nothing changed', () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws);
    ws.git(['switch', '-q', 'release-5.0.0']);
    const local = commitFile(ws, 'LOCAL.txt', 'local\n', 'local fix');
    ws.git(['switch', '-q', 'main']);
    landOnOrigin(remote, 'FIX.txt', 'the fix\n');
    ws.git(['fetch', '-q', 'origin']);
    const theirs = ws.git(['rev-parse', 'origin/release-5.0.0']);
    const before = repoState(ws);
    const out = refused(ws, ['release-patch', '--target=5.x']);
    expect(out).toContain(`release-5.0.0 (${local.slice(0, 12)}) and origin/release-5.0.0 (${theirs.slice(0, 12)}) have diverged`);
    expect(repoState(ws)).toEqual(before);
  });
});

describe('configuration cannot steer git', () => {
  it('a branch pattern holding a newline is refused before git runs; no branch is deleted', () => {
    const ws = example({ ...wasmtimePreset, branchPattern: 'release-{version}\ndelete refs/heads/main' });
    const before = repoState(ws);
    const out = refused(ws, ['release-patch', '--target=5.x']);
    expect(out).toContain('branchPattern');
    expect(out).toContain('control character 0x0a');
    expect(repoState(ws)).toEqual(before);
  });

  it('an empty marker is an error, so release-tag never tags an ordinary commit', () => {
    const ws = example({ ...wasmtimePreset, marker: '' });
    ws.git(['switch', '-q', '-c', 'release-5.0.0']);
    const out = refused(ws, ['release-tag']);
    expect(out).toContain('nx.json: error: marker is empty');
    expect(ws.git(['tag', '--list'])).toBe('');
  });

  it('an artifacts output directory outside the workspace is refused', () => {
    const ws = example({ ...wasmtimePreset, artifacts: { ...(wasmtimePreset.artifacts as object), outputDir: '../outside' } });
    expect(refused(ws, ['release-tag'])).toContain('"artifacts.outputDir" in nx.json plugin options "../outside" leads outside the root');
  });
});

describe('a held .git/index.lock', () => {
  it('release-major refuses before any ref moves, naming the lock', () => {
    const ws = example();
    writeFileSync(join(ws.dir, '.git/index.lock'), '');
    const before = repoState(ws);
    const out = refused(ws, ['release-major']);
    expect(out).toContain('index.lock');
    expect(out).not.toContain('fatal:');
    rmSync(join(ws.dir, '.git/index.lock'));
    expect(repoState(ws)).toEqual(before);
    expect(ws.git(['branch', '--list', 'release-5.0.0'])).toBe('');
  });

  it('a dry run on an interrupted cut says what it would finish, and does nothing', () => {
    const ws = example();
    ok(ws, ['release-major']);
    // The state a kill between the ref transaction and the working tree leaves: HEAD on the
    // bump, index and files still at the release branch.
    ws.git(['read-tree', '-m', '-u', 'HEAD', 'HEAD^']);
    const before = repoState(ws);
    const out = ok(ws, ['release-major', '--dry-run']);
    expect(out).toContain('[dry run] would finish an interrupted cut');
    expect(out).not.toContain('finished an interrupted cut');
    expect(repoState(ws)).toEqual(before);
    expect(ok(ws, ['release-major'])).toContain('finished an interrupted cut');
    expect(ws.git(['status', '--porcelain'])).toBe('');
  });
});

describe('a release branch whose version does not match its name', () => {
  it('release-4.0.0 holding 5.0.0 is refused for --target=4.x --force and --target=latest', () => {
    const ws = example();
    ws.git(['branch', 'release-4.0.0']);
    const before = repoState(ws);
    for (const args of [['release-patch', '--target=4.x', '--force'], ['release-patch', '--target=latest'], ['release-latest']]) {
      const out = refused(ws, args);
      expect(out).toContain('release-4.0.0 holds version 5.0.0');
      expect(repoState(ws)).toEqual(before);
    }
  });
});

/**
 * kill -9 of `release-patch --push` at four points, each followed by a rerun: every time the
 * line ends released exactly once (5.0.1 on origin's review branch, the local branch on that
 * same commit, and no 5.0.2 anywhere).
 */
describe('kill -9 campaign: release-patch --push', () => {
  type Point = 'start' | 'refs-moved' | 'during-push' | 'after-push';

  function runNx(cwd: string, args: string[], env: NodeJS.ProcessEnv): { done: Promise<number | null>; kill(): void } {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], {
      cwd,
      env: { ...gitEnv(), ...NX_ENV, ...env },
      stdio: 'ignore',
      detached: true,
    });
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The whole process group: nx, its task runner, git and the remote's receive-pack.
    return { done, kill: () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } } };
  }

  async function until(check: () => boolean, timeoutMs = 60_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (check()) return true;
      await new Promise((r) => setTimeout(r, 15));
    }
    return false;
  }

  it('every kill point, then a rerun: 5.0.1 released once', async () => {
    const ws = example();
    ws.git(['branch', 'release-5.0.0']);
    const remote = withOrigin(ws);
    const base = ws.git(['rev-parse', 'release-5.0.0']);
    const signal = (name: string) => join(remote.dir, name);
    writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\ncat >/dev/null\ntouch "${signal('receiving')}"\nsleep 1\n`);
    writeFileSync(join(remote.dir, 'hooks', 'post-receive'), `#!/bin/sh\ncat >/dev/null\ntouch "${signal('received')}"\n`);
    chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    chmodSync(join(remote.dir, 'hooks', 'post-receive'), 0o755);
    const args = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    // The review branch is pushed (and its pull request opened) before the local branch moves.
    const triggers: Record<Point, () => boolean> = {
      start: () => true,
      'during-push': () => existsSync(signal('receiving')),
      'after-push': () => existsSync(signal('received')),
      'refs-moved': () => ws.git(['rev-parse', 'release-5.0.0']) !== base,
    };
    const report: string[] = [];
    for (const point of Object.keys(triggers) as Point[]) {
      // Back to an unpatched line, locally and on origin.
      ws.git(['update-ref', 'refs/heads/release-5.0.0', base]);
      remote.git(['for-each-ref', '--format=delete %(refname)', 'refs/heads/ci']).split('\n').filter(Boolean).forEach((line) => remote.git(['update-ref', '-d', line.slice(7)]));
      rmSync(signal('receiving'), { force: true });
      rmSync(signal('received'), { force: true });

      // A GitHub API per point, so each starts with no pull request.
      const github = await gitHubFor(remote);
      const run = runNx(ws.dir, args, github.env);
      if (point === 'start') await new Promise((r) => setTimeout(r, 400));
      else expect(await until(triggers[point])).toBe(true);
      run.kill();
      await run.done;
      await okAsync(ws, args, github.env);
      if (point === 'after-push') await okAsync(ws, args, github.env); // and once more after a completed run
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

describe('messages that name the real cause', () => {
  it('a postVersionCommand program that does not exist is "not found", naming the setting; nothing is committed', () => {
    const ws = example({ ...wasmtimePreset, postVersionCommand: ['no-such-audit-tool', 'check'] });
    ws.git(['branch', 'release-5.0.0']);
    const before = repoState(ws);
    const out = refused(ws, ['release-patch', '--target=5.x']);
    expect(out).toContain('setting "postVersionCommand"');
    expect(out).toContain('program "no-such-audit-tool" was not found');
    expect(out).not.toContain('failed (exit 1)');
    expect(repoState(ws)).toEqual(before);
  });

  it("--registry='x;y' is blamed on the flag, not on a setting", () => {
    const ws = example();
    const out = refused(ws, ['run-many', '-t', 'publish', '--registry=x;y', '--dry-run']);
    expect(out).toContain('--registry="x;y" is not a cargo registry name');
    expect(out).not.toContain('setting "registry"');
  });
});

describe('a symlinked member directory (cargo accepts it)', () => {
  it('is reported by the graph, and a patch edits the real manifest while the link stays a link', () => {
    const ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset });
    cleanups.push(ws.cleanup);
    mkdirSync(join(ws.dir, 'vendor'));
    renameSync(join(ws.dir, 'cranelift/entity'), join(ws.dir, 'vendor/entity'));
    symlinkSync('../vendor/entity', join(ws.dir, 'cranelift/entity'));
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'entity lives in vendor/']);
    ws.git(['branch', 'release-5.0.0']);
    // Nx cannot host a project behind a link (it neither lists nor hashes its files): said, not silent.
    expect(ok(ws, ['show', 'projects'])).toContain('crate cranelift-entity is a workspace member through a symbolic link (cranelift/entity)');
    expect(ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-01'])).toContain('5.0.0 -> 5.0.1');
    expect(ws.git(['ls-tree', 'release-5.0.0', 'cranelift/entity'])).toMatch(/^120000 blob /);
    expect(ws.git(['show', 'release-5.0.0:vendor/entity/Cargo.toml'])).toContain('version = "0.92.1"');
    expect(ws.git(['show', 'release-5.0.0:Cargo.toml'])).toContain('cranelift-entity = { path = "cranelift/entity", version = "0.92.1" }');
  });
});
