import { describe, expect, it } from 'vitest';
import { resolveGitHubTarget } from './github-target';
import { DEFAULT_OPTIONS } from './settings/options';

const settings = (over: Partial<Pick<typeof DEFAULT_OPTIONS, 'githubRepository' | 'githubApiUrl' | 'githubTokenEnv'>> = {}) => ({
  ...DEFAULT_OPTIONS,
  ...over,
});

describe('resolveGitHubTarget: the one answer to "where is GitHub?"', () => {
  // The remote's URL is the last resort; the effect reads it only when this gives null.
  it.each([
    ['the flag over everything', { repository: 'f/lag' }, { GITHUB_REPOSITORY: 'e/nv' }, 's/etting', { value: 'f/lag', from: '--repository' }],
    ['GITHUB_REPOSITORY over the setting', {}, { GITHUB_REPOSITORY: 'e/nv' }, 's/etting', { value: 'e/nv', from: 'GITHUB_REPOSITORY' }],
    ['the setting when nothing else names one', {}, {}, 's/etting', { value: 's/etting', from: 'the "githubRepository" setting' }],
    ['an empty variable counts as unset', {}, { GITHUB_REPOSITORY: '' }, 's/etting', { value: 's/etting', from: 'the "githubRepository" setting' }],
    ['none: the remote decides (null)', {}, {}, null, null],
  ])('repository: %s', (_, flags, env, githubRepository, expected) => {
    expect(resolveGitHubTarget(settings({ githubRepository }), env, flags).repository).toEqual(expected);
  });

  it.each([
    ['the flag over everything', { githubApiUrl: 'https://flag/api' }, { GITHUB_API_URL: 'https://env/api' }, 'https://setting/api', 'https://flag/api'],
    ['GITHUB_API_URL over the setting', {}, { GITHUB_API_URL: 'https://env/api' }, 'https://setting/api', 'https://env/api'],
    ['the setting', {}, {}, 'https://setting/api', 'https://setting/api'],
    ['the default', {}, {}, undefined, 'https://api.github.com'],
  ])('API: %s', (_, flags, env, githubApiUrl, expected) => {
    expect(resolveGitHubTarget(settings(githubApiUrl ? { githubApiUrl } : {}), env, flags).apiUrl).toBe(expected);
  });

  it.each([
    ['GITHUB_TOKEN by default', {}, { GITHUB_TOKEN: 't1', RELEASE_TOKEN: 't2' }, 't1', 'GITHUB_TOKEN'],
    [
      'the variable githubTokenEnv names, and no other',
      { githubTokenEnv: 'RELEASE_TOKEN' },
      { GITHUB_TOKEN: 't1', RELEASE_TOKEN: 't2' },
      't2',
      'RELEASE_TOKEN',
    ],
    ['unset when that variable is unset', { githubTokenEnv: 'RELEASE_TOKEN' }, { GITHUB_TOKEN: 't1' }, undefined, 'RELEASE_TOKEN'],
    ['unset when empty', {}, { GITHUB_TOKEN: '' }, undefined, 'GITHUB_TOKEN'],
  ])('token: %s', (_, over, env, token, tokenVar) => {
    const target = resolveGitHubTarget(settings(over), env);
    expect([target.token, target.tokenVar]).toEqual([token, tokenVar]);
  });

  it('carries the server (GitHub Enterprise) and the actor from the environment', () => {
    const target = resolveGitHubTarget(settings(), { GITHUB_SERVER_URL: 'https://ghe.corp', GITHUB_ACTOR: 'octocat' });
    expect([target.serverUrl, target.actor]).toEqual(['https://ghe.corp', 'octocat']);
  });
});
