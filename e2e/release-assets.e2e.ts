/**
 * `nx release-assets` through the real nx CLI: what only Nx does. `--version` reaches the
 * executor through the plugin's preTasksExecution hook, and a refusal is a failing exit code.
 * What the command does is proven in-process in e2e/commands/assets.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi, type GitHubApi } from '../tools/local-github';
import { writePlatformFiles } from './support/release-files';
import { exampleRoot, makeWorkspace, nxAsync, type TempWorkspace } from './support/workspace';

const TOKEN = 'e2e-assets-token';

describe('nx release-assets', () => {
  let api: GitHubApi;
  let ws: TempWorkspace;

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: { 'bytecodealliance/wasmtime': { immutableReleases: true } } });
    ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset, git: true });
    writePlatformFiles(ws.dir, 'v5.0.0', ['x86_64-linux']);
  });
  afterAll(async () => {
    await api?.stop();
    ws?.cleanup();
  });

  it('runs with --version as typed (through the hook); a refusal exits non-zero', async () => {
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'bytecodealliance/wasmtime' };
    const refused = await nxAsync(ws.dir, ['release-assets', '--version=5.0.0', '--targets=x86_64-unknown-linux-gnu'], { ...env, GITHUB_TOKEN: '' });
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('needs a GitHub token in GITHUB_TOKEN');
    const r = await nxAsync(ws.dir, ['release-assets', '--version=5.0.0', '--targets=x86_64-unknown-linux-gnu'], env);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('GitHub release v5.0.0: published with all 4 assets');
  });
});
