/**
 * `nx release-bindings` through the real nx CLI: what only Nx does. `--version` is Nx's own
 * flag and reaches the executor through the plugin's preTasksExecution hook; a refusal is a
 * failing exit code. What the command does to the five repositories is proven in-process in
 * e2e/commands/bindings.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi, type GitHubApi } from '../tools/local-github';
import { BINDING_FIXTURES } from './fixtures/bindings';
import { gitEnv, makeWorkspace, nxAsync, type TempWorkspace } from './support/workspace';

const TOKEN = 'e2e-bindings-token';
const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() }).trim();

let root: string;
let api: GitHubApi;
let ws: TempWorkspace;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nrt-bindings-nx-'));
  const work = join(root, 'work', 'py');
  cpSync(join(BINDING_FIXTURES, 'wasmtime-py', 'before'), work, { recursive: true });
  git(work, ['init', '-q', '-b', 'main']);
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', 'Update to Wasmtime 45.0.0']);
  const bare = join(root, 'remotes', 'wasmtime-py.git');
  mkdirSync(bare, { recursive: true });
  git(bare, ['init', '-q', '--bare', '-b', 'main']);
  git(work, ['push', '-q', bare, 'main']);
  api = await startGitHubApi({ token: TOKEN, repos: { 'bytecodealliance/wasmtime-py': { gitDir: bare } } });
  ws = makeWorkspace({ options: { bindings: wasmtimePreset.bindings } });
  writeFileSync(join(ws.dir, 'Cargo.toml'), '[workspace]\nmembers = ["crates/core"]\n\n[workspace.package]\nversion = "46.0.0"\n');
  mkdirSync(join(ws.dir, 'crates/core/src'), { recursive: true });
  writeFileSync(join(ws.dir, 'crates/core/Cargo.toml'), '[package]\nname = "core-lib"\nversion.workspace = true\nedition = "2021"\n');
  writeFileSync(join(ws.dir, 'crates/core/src/lib.rs'), '');
});

afterAll(async () => {
  await api?.stop();
  ws?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('release-bindings through the real nx CLI', () => {
  it('runs with --version as typed (through the hook); a refusal exits non-zero', async () => {
    // The preset's https://github.com/bytecodealliance/... URLs reach the local remote.
    const env = {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: api.url,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.file://${join(root, 'remotes')}/.insteadOf`,
      GIT_CONFIG_VALUE_0: 'https://github.com/bytecodealliance/',
    };
    const r = await nxAsync(ws.dir, ['release-bindings', '--dry-run', '--only=py', '--version=47.0.1'], env);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('+WASMTIME_VERSION = "v47.0.1"');
    expect(api.state.requests.filter((q) => q.method !== 'GET')).toEqual([]);

    const refused = await nxAsync(ws.dir, ['release-bindings', '--only=py'], { ...env, GITHUB_TOKEN: '' });
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('needs a GitHub token in GITHUB_TOKEN');
    expect(git(join(root, 'remotes', 'wasmtime-py.git'), ['branch', '--list', 'ci/update-wasmtime-46.0.0'])).toBe('');
  });
});
