import { describe, expect, it } from 'vitest';
import { flagEnv } from '../core/argv';
import { parseFlags } from '../core/flags/define';
import { releaseAssetsFlags } from '../core/flags/release-assets';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { resolveReleaseAssets } from './release-assets';

const options = { ...DEFAULT_OPTIONS, githubRepository: 's/etting', githubApiUrl: 'https://setting/api' };
const assets = (flags: Record<string, unknown>, env: Record<string, string> = {}) =>
  resolveReleaseAssets({ flags: parseFlags(releaseAssetsFlags, flags), options, env, root: '/ws' });

describe('resolveReleaseAssets', () => {
  it.each([
    ['defaults: the artifacts.builds setting decides the targets later', {}, {}, { version: undefined, targets: [], dryRun: false }],
    [
      '--targets as a comma string',
      { targets: 'x86_64-unknown-linux-gnu,aarch64-apple-darwin' },
      {},
      { version: undefined, targets: ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'], dryRun: false },
    ],
    ['--version handed on by the hook', {}, { [flagEnv('version')]: '5.0.0' }, { version: '5.0.0', targets: [], dryRun: false }],
    ['--dry-run', { dryRun: true }, {}, { version: undefined, targets: [], dryRun: true }],
  ])('%s', (_, flags, env, expected) => {
    const { version, targets, dryRun } = assets(flags, env);
    expect({ version, targets, dryRun }).toEqual(expected);
  });

  it('refuses an unknown flag naming it', () => {
    expect(() => parseFlags(releaseAssetsFlags, { taregts: 'x' })).toThrow(/taregts/);
  });
});

describe('the GitHub target of release-assets (release-artifacts has none)', () => {
  it.each([
    ['--repository first', { repository: 'f/lag' }, { GITHUB_REPOSITORY: 'e/nv' }, 'f/lag'],
    ['then GITHUB_REPOSITORY', {}, { GITHUB_REPOSITORY: 'e/nv' }, 'e/nv'],
    ['then the githubRepository setting', {}, {}, 's/etting'],
  ])('repository: %s', (_, flags, env, expected) => {
    expect(assets(flags, env).github.repository?.value).toBe(expected);
  });

  it.each([
    ['--github-api-url first', { githubApiUrl: 'https://flag/api' }, { GITHUB_API_URL: 'https://env/api' }, 'https://flag/api'],
    ['then GITHUB_API_URL', {}, { GITHUB_API_URL: 'https://env/api' }, 'https://env/api'],
    ['then the githubApiUrl setting', {}, {}, 'https://setting/api'],
  ])('API: %s', (_, flags, env, expected) => {
    expect(assets(flags, env).github.apiUrl).toBe(expected);
  });

  it('the token from the variable githubTokenEnv names', () => {
    const named = { ...options, githubTokenEnv: 'RELEASE_TOKEN' };
    const req = resolveReleaseAssets({
      flags: parseFlags(releaseAssetsFlags, {}),
      options: named,
      env: { GITHUB_TOKEN: 'a', RELEASE_TOKEN: 'b' },
      root: '/ws',
    });
    expect([req.github.token, req.github.tokenVar]).toEqual(['b', 'RELEASE_TOKEN']);
  });
});
