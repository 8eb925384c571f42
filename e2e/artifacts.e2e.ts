/**
 * `nx release-artifacts` through the real nx CLI: what only Nx does. `--version` is Nx's own
 * flag and reaches the executor through the plugin's preTasksExecution hook; a refusal is a
 * failing exit code. What the command does (builds, archives, the release) is proven
 * in-process in e2e/commands/artifacts.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi } from '../tools/local-github';
import { exampleRoot, makeWorkspace, nxAsync, type TempWorkspace } from './support/workspace';

const TOKEN = 'artifacts-e2e-token';
const host = /^host: (\S+)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1];

let api: GitHubApi;
let ws: TempWorkspace;
let targetDir: string;

beforeAll(async () => {
  api = await startGitHubApi({ token: TOKEN, repos: ['bytecodealliance/wasmtime'] });
  targetDir = mkdtempSync(join(tmpdir(), 'nrt-artifacts-target-'));
  // The example on release day, but HEAD carries no tag: only --version names the release.
  ws = makeWorkspace({
    from: exampleRoot,
    options: {
      githubRepository: 'bytecodealliance/wasmtime',
      artifacts: { archives: [{ name: 'wasmtime-{tag}-{platform}', entries: [{ crate: 'wasmtime-cli', output: 'bin', name: 'wasmtime' }] }] },
    },
    git: true,
  });
});

afterAll(async () => {
  await api?.stop();
  ws?.cleanup();
  rmSync(targetDir, { recursive: true, force: true });
});

describe('release-artifacts through the real nx CLI', () => {
  it('runs with --version as typed (through the hook); without a release to name, exits non-zero', async () => {
    // GITHUB_REPOSITORY (set in a CI job) is emptied: the githubRepository setting names the repository.
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: '', CARGO_TARGET_DIR: targetDir, CARGO_NET_OFFLINE: 'true' };
    const from = api.state.requests.length;
    const dry = await nxAsync(ws.dir, ['release-artifacts', '--dry-run', '--version=5.0.0'], env);
    expect(dry.status, dry.out).toBe(0);
    expect(dry.out).toContain('Dry run of release-artifacts for v5.0.0');
    expect(dry.out).toContain(`cargo build --release --target ${host} -p wasmtime-cli --bin wasmtime`);
    expect(dry.out).toContain("Would create or update the GitHub release v5.0.0 ('v5.0.0') in bytecodealliance/wasmtime");
    expect(existsSync(join(ws.dir, 'dist'))).toBe(false);
    expect(api.state.requests.length).toBe(from);

    const refused = await nxAsync(ws.dir, ['release-artifacts', '--dry-run'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('HEAD carries no release tag matching "v{version}"');
  });
});
