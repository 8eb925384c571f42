/**
 * release-bindings in-process: five binding repositories as local bare git remotes built from
 * synthetic files shaped like the real ones (e2e/fixtures/bindings), the `wasmtime` preset's
 * settings over all five, each following every release (FIVE_BINDINGS; git's `insteadOf`
 * maps its github.com URLs to the local remotes), and the pull requests through the local
 * GitHub API and the real Octokit. (e2e/bindings.e2e.ts: the real nx.)
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseBindingsCommand } from '../../packages/nx-release-train/src/commands/release-bindings';
import { releaseBindingsFlags } from '../../packages/nx-release-train/src/core/flags/release-bindings';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { BINDING_FIXTURES, bindingTree, FIVE_BINDINGS } from '../fixtures/bindings';
import { runCommand } from '../support/command';
import { gitEnv, makeWorkspace, type TempWorkspace } from '../support/workspace';

const NAMES = ['py', 'go', 'dotnet', 'rb', 'cpp'];
const BRANCH = 'ci/update-wasmtime-46.0.0';
const TITLE = 'Update to Wasmtime 46.0.0';
const TOKEN = 'e2e-bindings-token';

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() }).trim();

/** Every file of `ref` in a bare repository. */
function branchTree(bare: string, ref: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of git(bare, ['ls-tree', '-r', '--name-only', ref]).split('\n').filter(Boolean)) {
    out[path] = execFileSync('git', ['show', `${ref}:${path}`], { cwd: bare, encoding: 'utf8' });
  }
  return out;
}

interface Setup {
  root: string;
  remote(name: string): string;
  api: GitHubApi;
  ws: TempWorkspace;
  run(flags: Record<string, unknown>, env?: Record<string, string>): Promise<{ ok: boolean; out: string }>;
  cleanup(): Promise<void>;
}

/** Bare remotes from the fixtures' `before` trees, the API server, and an Nx workspace at 46.0.0. */
async function setup(): Promise<Setup> {
  const root = mkdtempSync(join(tmpdir(), 'nrt-bindings-'));
  const remote = (name: string) => join(root, 'remotes', `wasmtime-${name}.git`);
  for (const name of NAMES) {
    const work = join(root, 'work', name);
    cpSync(join(BINDING_FIXTURES, `wasmtime-${name}`, 'before'), work, { recursive: true });
    git(work, ['init', '-q', '-b', 'main']);
    git(work, ['add', '-A']);
    git(work, ['commit', '-q', '-m', 'Update to Wasmtime 45.0.0']);
    mkdirSync(remote(name), { recursive: true });
    git(remote(name), ['init', '-q', '--bare', '-b', 'main']);
    git(work, ['push', '-q', remote(name), 'main']);
  }
  const api = await startGitHubApi({
    token: TOKEN,
    repos: Object.fromEntries(NAMES.map((n) => [`bytecodealliance/wasmtime-${n}`, { gitDir: remote(n) }])),
  });
  const ws = makeWorkspace({ options: { bindings: FIVE_BINDINGS } });
  writeFileSync(join(ws.dir, 'Cargo.toml'), '[workspace]\nmembers = ["crates/core"]\n\n[workspace.package]\nversion = "46.0.0"\n');
  mkdirSync(join(ws.dir, 'crates/core/src'), { recursive: true });
  writeFileSync(join(ws.dir, 'crates/core/Cargo.toml'), '[package]\nname = "core-lib"\nversion.workspace = true\nedition = "2021"\n');
  writeFileSync(join(ws.dir, 'crates/core/src/lib.rs'), '');
  // The preset's https://github.com/bytecodealliance/... URLs reach the local remotes (git runs
  // in this process: its environment carries the mapping).
  const saved = { ...process.env };
  Object.assign(process.env, {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `url.file://${join(root, 'remotes')}/.insteadOf`,
    GIT_CONFIG_VALUE_0: 'https://github.com/bytecodealliance/',
  });
  return {
    root,
    remote,
    api,
    ws,
    run: (flags, env = {}) =>
      runCommand(releaseBindingsCommand, releaseBindingsFlags, { root: ws.dir, flags, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, ...env } }),
    cleanup: async () => {
      process.env = saved;
      await api.stop();
      ws.cleanup();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const writes = (api: GitHubApi) => api.state.requests.filter((r) => r.method !== 'GET').length;
const pulls = (api: GitHubApi, name: string) => api.state.repo(`bytecodealliance/wasmtime-${name}`)!.pulls;

describe('release-bindings on the five preset repositories', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s?.cleanup());

  it('--dry-run prints each diff and changes nothing; --only limits the set', async () => {
    const r = await s.run({ dryRun: true, only: 'py,go' });
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain('-WASMTIME_VERSION = "v45.0.0"\n+WASMTIME_VERSION = "v46.0.0"');
    expect(r.out).toContain('-module github.com/bytecodealliance/wasmtime-go/v45\n+module github.com/bytecodealliance/wasmtime-go/v46');
    expect(r.out).not.toContain('Directory.Build.props');
    expect(r.out).toMatch(/py\s+ci\/update-wasmtime-46\.0\.0\s+-\s+would push branch; would open a pull request/);
    for (const name of NAMES) expect(git(s.remote(name), ['branch', '--list', BRANCH])).toBe('');
    expect(writes(s.api)).toBe(0);
    const v47 = await s.run({ dryRun: true, only: ['py'], version: '47.0.1' });
    expect(v47.ok, v47.out).toBe(true);
    expect(v47.out).toContain('+WASMTIME_VERSION = "v47.0.1"');
    expect(writes(s.api)).toBe(0);
  });

  it('reports a repository three majors behind with its gap before proposing, and proposes it only with --force', async () => {
    const behind = await s.run({ dryRun: true, only: 'py', version: '48.0.0' });
    expect(behind.ok, behind.out).toBe(true);
    expect(behind.out).toContain('py: 45.0.0 → 48.0.0, 3 majors');
    expect(behind.out).toMatch(
      /py\s+ci\/update-wasmtime-48\.0\.0\s+-\s+not proposed: 3 majors behind, more than bindings\.maxMajorJump \(2\); rerun with --force to propose the jump/,
    );
    expect(behind.out).not.toContain('+WASMTIME_VERSION');
    const forced = await s.run({ dryRun: true, only: 'py', version: '48.0.0', force: true });
    expect(forced.ok, forced.out).toBe(true);
    expect(forced.out.indexOf('py: 45.0.0 → 48.0.0, 3 majors')).toBeLessThan(forced.out.indexOf('+WASMTIME_VERSION = "v48.0.0"'));
    expect(forced.out).toMatch(/py\s+ci\/update-wasmtime-48\.0\.0\s+-\s+would push branch; would open a pull request/);
    expect(writes(s.api)).toBe(0);
  });

  it('without the token refuses before pushing anything, naming the variable githubTokenEnv names', async () => {
    const r = await s.run({}, { GITHUB_TOKEN: '' });
    expect(r.ok).toBe(false);
    expect(r.out).toContain('needs a GitHub token in GITHUB_TOKEN');
    const named = await runCommand(releaseBindingsCommand, releaseBindingsFlags, {
      root: s.ws.dir,
      settings: { bindings: FIVE_BINDINGS, githubTokenEnv: 'BINDINGS_TOKEN' },
      env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: s.api.url },
    });
    expect(named.ok).toBe(false);
    expect(named.out).toContain('needs a GitHub token in BINDINGS_TOKEN');
    for (const name of NAMES) expect(git(s.remote(name), ['branch', '--list', BRANCH])).toBe('');
  });

  it('pushes a branch with exactly the expected edits and opens a pull request in every repository', async () => {
    const r = await s.run({});
    expect(r.ok, r.out).toBe(true);
    expect(r.out).not.toContain(TOKEN);
    for (const name of NAMES) {
      const bare = s.remote(name);
      expect(branchTree(bare, BRANCH)).toEqual(bindingTree(name, 'after'));
      expect(git(bare, ['log', '-1', '--format=%s', BRANCH])).toBe(TITLE);
      expect(git(bare, ['rev-parse', `${BRANCH}^`])).toBe(git(bare, ['rev-parse', 'main']));
      expect(pulls(s.api, name).map((p) => [p.title, p.headRef, p.baseRef, p.state])).toEqual([[TITLE, BRANCH, 'main', 'open']]);
      expect(r.out).toMatch(
        new RegExp(
          `${name}\\s+${BRANCH.replaceAll('.', '\\.')}\\s+http://127\\.0\\.0\\.1:\\d+/bytecodealliance/wasmtime-${name}/pull/1\\s+branch pushed; pull request #1 opened`,
        ),
      );
    }
    // The Go module moved to v46 everywhere, and the unrelated v45 strings stayed.
    const example = branchTree(s.remote('go'), BRANCH)['example_test.go'];
    expect(example).toContain('"github.com/bytecodealliance/wasmtime-go/v46"');
    expect(example).toContain('"github.com/other-org/wasm-tools/v45/wat"');
    expect(example).toContain('const legacyEngineTag = "v45"');
    expect(pulls(s.api, 'cpp')[0].body).toContain('tag the merge commit `v46.0.0`');
    expect(pulls(s.api, 'py')[0].body).toContain('tag the merge commit `46.0.0`');
  });

  it('a second run changes nothing new', async () => {
    const shas = NAMES.map((n) => git(s.remote(n), ['rev-parse', BRANCH]));
    const before = writes(s.api);
    const r = await s.run({});
    expect(r.ok, r.out).toBe(true);
    expect(NAMES.map((n) => git(s.remote(n), ['rev-parse', BRANCH]))).toEqual(shas);
    expect(writes(s.api)).toBe(before);
    for (const name of NAMES) {
      expect(pulls(s.api, name)).toHaveLength(1);
      expect(r.out).toMatch(new RegExp(`${name}\\s+\\S+\\s+\\S+/pull/1\\s+unchanged`));
    }
  });
});

describe('release-bindings when things are not as expected', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s?.cleanup());

  it('replaces a branch that already exists with other content and updates its pull request', async () => {
    const work = join(s.root, 'work', 'py');
    git(work, ['checkout', '-q', '-b', BRANCH]);
    writeFileSync(join(work, 'VERSION'), '46.0.0-wip\n');
    git(work, ['commit', '-q', '-am', 'WIP']);
    git(work, ['push', '-q', s.remote('py'), BRANCH]);
    const old = git(work, ['rev-parse', 'HEAD']);
    s.api.state.repo('bytecodealliance/wasmtime-py')!.pulls.push({
      id: 1,
      number: 1,
      title: 'WIP',
      body: null,
      state: 'open',
      draft: false,
      headOwner: 'bytecodealliance',
      headRef: BRANCH,
      baseRef: 'main',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });

    const r = await s.run({ only: 'py' });
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain(`replaced branch (was ${old.slice(0, 7)}); pull request #1 updated`);
    expect(branchTree(s.remote('py'), BRANCH)).toEqual(bindingTree('py', 'after'));
    expect(pulls(s.api, 'py').map((p) => [p.number, p.title])).toEqual([[1, TITLE]]);
  });

  it('an unreachable repository fails alone: the others get their pull requests, and the command fails', async () => {
    rmSync(s.remote('go'), { recursive: true, force: true });
    const r = await s.run({});
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/go\s+ci\/update-wasmtime-46\.0\.0\s+-\s+FAILED: git clone failed/);
    expect(r.out).toContain('1 of 5 binding repositories failed: go');
    expect(r.out).toContain('--only=go');
    for (const name of ['dotnet', 'rb', 'cpp']) expect(pulls(s.api, name).map((p) => p.title)).toEqual([TITLE]);
    expect(r.out).toMatch(/py\s+\S+\s+\S+\/pull\/1\s+unchanged/);
  });
});
