/**
 * release-assets in-process, with Octokit against the local GitHub API: the release holds
 * every platform's archives with matching checksum files, or the command fails naming what is
 * missing or wrong. (e2e/release-assets.e2e.ts: the real nx.)
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseAssetsCommand } from '../../packages/nx-release-train/src/commands/release-assets';
import { releaseAssetsFlags } from '../../packages/nx-release-train/src/core/flags/release-assets';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { runCommand } from '../support/command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const TOKEN = 'e2e-assets-token';
const TARGETS = 'x86_64-unknown-linux-gnu,aarch64-apple-darwin';

describe('release-assets', () => {
  let api: GitHubApi;
  let ws: TempWorkspace;
  let gh: import('@octokit/rest').Octokit;
  let releaseId = 0;
  const repo = { owner: 'bytecodealliance', repo: 'wasmtime' };
  const env = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'bytecodealliance/wasmtime' });
  const run = (flags: Record<string, unknown> = {}, over: Record<string, string> = {}) =>
    runCommand(releaseAssetsCommand, releaseAssetsFlags, { root: ws.dir, flags: { version: '5.0.0', targets: TARGETS, ...flags }, env: { ...env(), ...over } });

  async function upload(name: string, data: string) {
    const release = (await gh.rest.repos.getRelease({ ...repo, release_id: releaseId })).data;
    await gh.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: releaseId,
      url: release.upload_url,
      name,
      data,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: ['bytecodealliance/wasmtime', 'e2e/empty'] });
    ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset, git: true });
    const { Octokit } = await import('@octokit/rest');
    gh = new Octokit({ auth: TOKEN, baseUrl: api.url });
    releaseId = (await gh.rest.repos.createRelease({ ...repo, tag_name: 'v5.0.0', name: 'v5.0.0' })).data.id;
    for (const platform of ['x86_64-linux', 'aarch64-macos']) {
      for (const file of [`wasmtime-v5.0.0-${platform}.tar.xz`, `wasmtime-v5.0.0-${platform}-c-api.tar.xz`]) {
        const bytes = `archive ${file}`;
        await upload(file, bytes);
        await upload(`${file}.sha256`, `${createHash('sha256').update(bytes).digest('hex')}  ${file}\n`);
      }
    }
  });
  afterAll(async () => {
    await api?.stop();
    ws?.cleanup();
  });

  it('passes when every archive of every platform is there with its checksum', async () => {
    const r = await run();
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain('all 8 assets of v5.0.0 for 2 platforms are on');
  });

  it('finds the repository and the token the one way; refuses without a token before any request', async () => {
    // --repository over GITHUB_REPOSITORY: that repository has no release.
    const other = await run({ repository: 'e2e/empty' });
    expect(other.ok).toBe(false);
    expect(other.out).toContain('e2e/empty has no release v5.0.0');
    const from = api.state.requests.length;
    const none = await run({}, { GITHUB_TOKEN: '' });
    expect(none.ok).toBe(false);
    expect(none.out).toContain('release-assets (to read the assets of v5.0.0) needs a GitHub token in GITHUB_TOKEN');
    expect(api.state.requests.length).toBe(from);
  });

  it('fails naming a missing archive and a checksum file that does not match', async () => {
    const assets = (await gh.rest.repos.listReleaseAssets({ ...repo, release_id: releaseId })).data;
    await gh.rest.repos.deleteReleaseAsset({ ...repo, asset_id: assets.find((a) => a.name === 'wasmtime-v5.0.0-aarch64-macos.tar.xz')!.id });
    const sums = assets.find((a) => a.name === 'wasmtime-v5.0.0-x86_64-linux.tar.xz.sha256')!;
    await gh.rest.repos.deleteReleaseAsset({ ...repo, asset_id: sums.id });
    await upload(sums.name, `${'0'.repeat(64)}  wasmtime-v5.0.0-x86_64-linux.tar.xz\n`);
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.out).toContain('PROBLEM  wasmtime-v5.0.0-aarch64-macos.tar.xz: missing');
    expect(r.out).toMatch(
      /PROBLEM {2}wasmtime-v5\.0\.0-x86_64-linux\.tar\.xz\.sha256: says "0{64} {2}wasmtime-v5\.0\.0-x86_64-linux\.tar\.xz", the archive's sha256 is [0-9a-f]{64}/,
    );
    expect(r.out).toContain('PROBLEM  wasmtime-v5.0.0-aarch64-macos.tar.xz.sha256: its archive is missing');
    expect(r.out).toContain('3 of 8 expected assets of v5.0.0');
  });
});
