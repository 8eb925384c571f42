/**
 * release-assets in-process, with Octokit against the local GitHub API (immutable releases
 * on): the last job's files, prepared here for two platforms, are checked locally, drafted,
 * uploaded, checked by digest and published once. The same with archives the example really
 * builds: e2e/commands/artifacts.test.ts. (e2e/release-assets.e2e.ts: the real nx.)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseAssetsCommand } from '../../packages/nx-release-train/src/commands/release-assets';
import { releaseAssetsFlags } from '../../packages/nx-release-train/src/core/flags/release-assets';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { runCommand } from '../support/command';
import { writePlatformFiles } from '../support/release-files';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const TOKEN = 'e2e-assets-token';
const TARGETS = 'x86_64-unknown-linux-gnu,aarch64-apple-darwin';
const PLATFORMS = ['x86_64-linux', 'aarch64-macos'];
const REPOS = ['bytecodealliance/wasmtime', 'e2e/empty', 'e2e/faults', 'e2e/pre', 'e2e/parallel', 'e2e/nodigest'];

describe('release-assets', () => {
  let api: GitHubApi;
  let ws: TempWorkspace;
  const env = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: 'bytecodealliance/wasmtime' });
  const run = (flags: Record<string, unknown> = {}, over: Record<string, string> = {}) =>
    runCommand(releaseAssetsCommand, releaseAssetsFlags, { root: ws.dir, flags: { version: '5.0.0', targets: TARGETS, ...flags }, env: { ...env(), ...over } });
  const releasesOf = (repo: string) => api.state.repo(repo)!.releases;
  let names: string[] = [];

  beforeAll(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: Object.fromEntries(REPOS.map((r) => [r, { immutableReleases: true }])) });
    ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset, git: true });
    names = writePlatformFiles(ws.dir, 'v5.0.0', PLATFORMS);
  });
  afterAll(async () => {
    await api?.stop();
    ws?.cleanup();
  });

  it('a missing or inconsistent local file fails before anything is sent to GitHub', async () => {
    const sums = join(ws.dir, 'dist/wasmtime-v5.0.0-x86_64-linux.tar.xz.sha256');
    const good = readFileSync(sums, 'utf8');
    writeFileSync(sums, `${'0'.repeat(64)}  wasmtime-v5.0.0-x86_64-linux.tar.xz\n`);
    try {
      // The preset's x86_64-windows build has an installer: its .msi is expected like the archives.
      const r = await run({ targets: `${TARGETS},aarch64-unknown-linux-gnu,x86_64-pc-windows-msvc` });
      expect(r.ok).toBe(false);
      expect(r.out).toContain('PROBLEM  dist/wasmtime-v5.0.0-x86_64-windows.msi: missing');
      expect(r.out).toContain('PROBLEM  dist/wasmtime-v5.0.0-x86_64-windows.msi.sha256: missing');
      expect(r.out).toContain('PROBLEM  dist/wasmtime-v5.0.0-aarch64-linux-c-api.tar.xz: missing');
      expect(r.out).toContain('PROBLEM  dist/wasmtime-v5.0.0-aarch64-linux-c-api.tar.xz.sha256: missing');
      expect(r.out).toMatch(
        /PROBLEM {2}dist\/wasmtime-v5\.0\.0-x86_64-linux\.tar\.xz\.sha256: says "0{64} {2}wasmtime-v5\.0\.0-x86_64-linux\.tar\.xz", the archive's sha256 is [0-9a-f]{64}/,
      );
      expect(r.out).toContain('11 of 18 expected files of v5.0.0 for 4 platforms are missing or wrong in dist/; nothing was sent to GitHub');
      expect(api.state.requests).toEqual([]);
    } finally {
      writeFileSync(sums, good);
    }
  });

  it('refuses without a token before any request; --dry-run says what it would do and writes nothing', async () => {
    const none = await run({}, { GITHUB_TOKEN: '' });
    expect(none.ok).toBe(false);
    expect(none.out).toContain('release-assets (to publish the release v5.0.0) needs a GitHub token in GITHUB_TOKEN');
    expect(api.state.requests).toEqual([]);
    const dry = await run({ dryRun: true });
    expect(dry.ok, dry.out).toBe(true);
    expect(dry.out).toContain('Dry run of release-assets for v5.0.0 in bytecodealliance/wasmtime');
    expect(dry.out).toContain("Would create the draft release v5.0.0 ('v5.0.0'), upload:");
    expect(dry.out).toContain('  wasmtime-v5.0.0-aarch64-macos-c-api.tar.xz.sha256');
    expect(api.state.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('drafts, uploads, checks and publishes once, on the repository --repository names', async () => {
    const r = await run({ repository: 'e2e/empty' });
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain('GitHub release v5.0.0: published with all 8 assets');
    const [release, ...more] = releasesOf('e2e/empty');
    expect(more).toEqual([]);
    expect([release.draft, release.prerelease, release.assets.map((a) => a.name).sort()]).toEqual([false, false, names]);
    for (const a of release.assets)
      expect(a.digest).toBe(
        `sha256:${createHash('sha256')
          .update(readFileSync(join(ws.dir, 'dist', a.name)))
          .digest('hex')}`,
      );
    const writes = api.state.requests.filter((q) => q.method !== 'GET' && q.path.startsWith('/repos/e2e/empty'));
    expect(writes.map((q) => q.method)).toEqual(['POST', ...names.map(() => 'POST'), 'PATCH']);
    expect(writes[0].body).toMatchObject({ draft: true });
    expect(writes.at(-1)!.body).toEqual({ draft: false, make_latest: 'legacy' });
    expect(api.state.requests.some((q) => q.status === 422)).toBe(false);
    const dry = await run({ repository: 'e2e/empty', dryRun: true });
    expect(dry.out).toContain('The published release v5.0.0 exists: ');
    expect(dry.out).toContain('Nothing to do: it is published with every asset.');
  });

  it('without digests (older GitHub Enterprise), assets are downloaded and compared', async () => {
    expect((await run({ repository: 'e2e/nodigest' })).ok).toBe(true);
    for (const a of releasesOf('e2e/nodigest')[0].assets) (a as { digest: string | null }).digest = null;
    const from = api.state.requests.length;
    const r = await run({ repository: 'e2e/nodigest' });
    expect(r.ok, r.out).toBe(true);
    const seen = api.state.requests.slice(from);
    expect(seen.filter((q) => q.method !== 'GET')).toEqual([]);
    // Each asset once before and once after the (empty) upload step.
    expect(seen.filter((q) => /\/releases\/assets\/\d+$/.test(q.path))).toHaveLength(2 * names.length);
  });

  it('an API failure in the middle of the uploads leaves a draft a rerun finishes and publishes', async () => {
    api.state.injectFault({ method: 'POST', path: '/assets', nth: 2, status: 502 });
    const first = await run({ repository: 'e2e/faults' });
    expect(first.ok).toBe(false);
    expect(first.out).toMatch(/GitHub API: upload \S+ to e2e\/faults failed \(HTTP 502\)/);
    expect(first.out).not.toContain(TOKEN);
    const [draft] = releasesOf('e2e/faults');
    expect([draft.draft, draft.assets.length]).toEqual([true, 1]);
    const survivor = draft.assets[0];
    const second = await run({ repository: 'e2e/faults' });
    expect(second.ok, second.out).toBe(true);
    expect(releasesOf('e2e/faults')).toHaveLength(1);
    expect([draft.draft, draft.assets.map((a) => a.name).sort()]).toEqual([false, names]);
    expect(draft.assets.find((a) => a.name === survivor.name)!.id).toBe(survivor.id);
  });

  it('two runs at once end on one release, published', async () => {
    const [a, b] = await Promise.all([run({ repository: 'e2e/parallel' }), run({ repository: 'e2e/parallel' })]);
    expect([a.ok, b.ok], `${a.out}\n---\n${b.out}`).toEqual([true, true]);
    const releases = releasesOf('e2e/parallel');
    expect(releases.map((r) => [r.draft, r.assets.map((x) => x.name).sort()])).toEqual([[false, names]]);
  });

  it('publishes a pre-release for a version with a suffix', async () => {
    // Beside 5.0.0's files: only the version's own are taken.
    writePlatformFiles(ws.dir, 'v5.0.0-rc.1', PLATFORMS);
    const r = await run({ version: '5.0.0-rc.1', repository: 'e2e/pre' });
    expect(r.ok, r.out).toBe(true);
    expect(releasesOf('e2e/pre').map((x) => [x.tagName, x.prerelease, x.draft, x.assets.length])).toEqual([['v5.0.0-rc.1', true, false, 8]]);
  });
});
