/**
 * `nx release-assets` through the real nx CLI: what only Nx does. `--version` reaches the
 * executor through the plugin's preTasksExecution hook, and a refusal is a failing exit code.
 * The checks themselves are proven in-process in e2e/commands/assets.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi, type GitHubApi } from '../tools/local-github';
import { exampleRoot, makeWorkspace, nxAsync, type TempWorkspace } from './support/workspace';

const TOKEN = 'e2e-assets-token';

describe('nx release-assets', () => {
  let api: GitHubApi;
  let ws: TempWorkspace;

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: ['bytecodealliance/wasmtime'] });
    ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset, git: true });
    const { Octokit } = await import('@octokit/rest');
    const gh = new Octokit({ auth: TOKEN, baseUrl: api.url });
    const repo = { owner: 'bytecodealliance', repo: 'wasmtime' };
    const release = (await gh.rest.repos.createRelease({ ...repo, tag_name: 'v5.0.0', name: 'v5.0.0' })).data;
    for (const file of ['wasmtime-v5.0.0-x86_64-linux.tar.xz', 'wasmtime-v5.0.0-x86_64-linux-c-api.tar.xz']) {
      const bytes = `archive ${file}`;
      for (const [name, data] of [
        [file, bytes],
        [`${file}.sha256`, `${createHash('sha256').update(bytes).digest('hex')}  ${file}\n`],
      ]) {
        await gh.rest.repos.uploadReleaseAsset({
          ...repo,
          release_id: release.id,
          url: release.upload_url,
          name,
          data,
          headers: { 'content-type': 'application/octet-stream' },
        });
      }
    }
  });
  afterAll(async () => {
    await api?.stop();
    ws?.cleanup();
  });

  it('runs with --version as typed (through the hook); a refusal exits non-zero', async () => {
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'bytecodealliance/wasmtime' };
    const r = await nxAsync(ws.dir, ['release-assets', '--version=5.0.0', '--targets=x86_64-unknown-linux-gnu'], env);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('all 4 assets of v5.0.0 for 1 platforms are on');
    const refused = await nxAsync(ws.dir, ['release-assets', '--version=5.0.0', '--targets=x86_64-unknown-linux-gnu'], { ...env, GITHUB_TOKEN: '' });
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('needs a GitHub token in GITHUB_TOKEN');
  });
});
