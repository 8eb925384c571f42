import { describe, expect, it } from 'vitest';
import { flagEnv } from '../core/argv';
import { parseFlags } from '../core/flags/define';
import { releaseArtifactsFlags } from '../core/flags/release-artifacts';
import { releaseAssetsFlags } from '../core/flags/release-assets';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../core/settings/options';
import { resolveReleaseArtifacts } from './release-artifacts';
import { resolveReleaseAssets } from './release-assets';

const options: ReleaseTrainOptions = { ...DEFAULT_OPTIONS, githubRepository: 's/etting', githubApiUrl: 'https://setting/api' };
const artifacts = (flags: Record<string, unknown>, env: Record<string, string> = {}) =>
  resolveReleaseArtifacts({ flags: parseFlags(releaseArtifactsFlags, flags), options, env, root: '/ws' });
const assets = (flags: Record<string, unknown>, env: Record<string, string> = {}) =>
  resolveReleaseAssets({ flags: parseFlags(releaseAssetsFlags, flags), options, env, root: '/ws' });

describe('resolveReleaseArtifacts', () => {
  it.each([
    ['defaults', {}, {}, { version: undefined, targets: [], dryRun: false, skipRelease: false, sourceDateEpoch: undefined }],
    [
      '--version as given',
      { version: '5.0.0' },
      { [flagEnv('version')]: '6.0.0' },
      { version: '5.0.0', targets: [], dryRun: false, skipRelease: false, sourceDateEpoch: undefined },
    ],
    [
      '--version handed on by the hook',
      {},
      { [flagEnv('version')]: '6.0.0' },
      { version: '6.0.0', targets: [], dryRun: false, skipRelease: false, sourceDateEpoch: undefined },
    ],
    [
      '--targets as a comma string',
      { targets: 'a, b,', dryRun: true },
      {},
      { version: undefined, targets: ['a', 'b'], dryRun: true, skipRelease: false, sourceDateEpoch: undefined },
    ],
    [
      '--targets as an array, --skip-release',
      { targets: ['a'], skipRelease: true },
      {},
      { version: undefined, targets: ['a'], dryRun: false, skipRelease: true, sourceDateEpoch: undefined },
    ],
    [
      'SOURCE_DATE_EPOCH stamps the archives',
      {},
      { SOURCE_DATE_EPOCH: '1700000000' },
      { version: undefined, targets: [], dryRun: false, skipRelease: false, sourceDateEpoch: 1700000000 },
    ],
    [
      'a SOURCE_DATE_EPOCH that is no number is ignored',
      {},
      { SOURCE_DATE_EPOCH: 'soon' },
      { version: undefined, targets: [], dryRun: false, skipRelease: false, sourceDateEpoch: undefined },
    ],
  ])('%s', (_, flags, env, expected) => {
    const { version, targets, dryRun, skipRelease, sourceDateEpoch } = artifacts(flags, env);
    expect({ version, targets, dryRun, skipRelease, sourceDateEpoch }).toEqual(expected);
  });

  it("keeps a target's own plugin settings out of the flags (they are options, merged by execute())", () => {
    expect(parseFlags(releaseArtifactsFlags, { artifacts: { compression: 1 } })).toMatchObject({ artifacts: { compression: 1 } });
  });
});

describe('the GitHub target of release-artifacts and release-assets (one precedence)', () => {
  it.each([
    ['--repository first', { repository: 'f/lag' }, { GITHUB_REPOSITORY: 'e/nv' }, 'f/lag'],
    ['then GITHUB_REPOSITORY', {}, { GITHUB_REPOSITORY: 'e/nv' }, 'e/nv'],
    ['then the githubRepository setting', {}, {}, 's/etting'],
  ])('repository: %s', (_, flags, env, expected) => {
    expect(artifacts(flags, env).github.repository?.value).toBe(expected);
    expect(assets(flags, env).github.repository?.value).toBe(expected);
  });

  it.each([
    ['--github-api-url first', { githubApiUrl: 'https://flag/api' }, { GITHUB_API_URL: 'https://env/api' }, 'https://flag/api'],
    ['then GITHUB_API_URL', {}, { GITHUB_API_URL: 'https://env/api' }, 'https://env/api'],
    ['then the githubApiUrl setting', {}, {}, 'https://setting/api'],
  ])('API: %s', (_, flags, env, expected) => {
    expect(artifacts(flags, env).github.apiUrl).toBe(expected);
    expect(assets(flags, env).github.apiUrl).toBe(expected);
  });

  it('the token from the variable githubTokenEnv names', () => {
    const named = { ...options, githubTokenEnv: 'RELEASE_TOKEN' };
    const req = resolveReleaseArtifacts({
      flags: parseFlags(releaseArtifactsFlags, {}),
      options: named,
      env: { GITHUB_TOKEN: 'a', RELEASE_TOKEN: 'b' },
      root: '/ws',
    });
    expect([req.github.token, req.github.tokenVar]).toEqual(['b', 'RELEASE_TOKEN']);
  });
});
