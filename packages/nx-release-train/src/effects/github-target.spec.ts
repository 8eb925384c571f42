import { describe, expect, it } from 'vitest';
import { resolveGitHubTarget } from '../core/github-target';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { ReleaseError } from '../core/release';
import type { Git } from './git';
import { githubRepository, githubTarget } from './github-target';

/** A git whose push remote has `url` (null: no such remote). */
const remoteAt = (url: string | null) => ({ run: async () => ({ stdout: url ?? '', exitCode: url ? 0 : 2 }) }) as unknown as Git;
const target = (env: Record<string, string> = {}, githubRepositorySetting: string | null = null) =>
  resolveGitHubTarget({ ...DEFAULT_OPTIONS, githubRepository: githubRepositorySetting }, env);
const purpose = { needs: 'the test', fix: 'test' };

describe('githubRepository: the last step of the precedence, the push remote', () => {
  it.each([
    ['a name given before the remote wins', { GITHUB_REPOSITORY: 'a/b' }, 'e/f', 'https://github.com/c/d', 'a/b'],
    ['the setting wins over the remote', {}, 'e/f', 'https://github.com/c/d', 'e/f'],
    ['the remote when nothing names one', {}, null, 'https://github.com/c/d.git', 'c/d'],
    ['scp-like remotes too', {}, null, 'git@github.com:c/d.git', 'c/d'],
    ["the GitHub Enterprise server's host counts", { GITHUB_SERVER_URL: 'https://ghe.corp' }, null, 'https://ghe.corp/c/d.git', 'c/d'],
  ])('%s', async (_, env, setting, url, expected) => {
    expect(await githubRepository(target(env, setting), remoteAt(url), 'origin')).toBe(expected);
  });

  it('refuses with the fix when nothing names a repository', async () => {
    const none = githubRepository(target(), remoteAt('/srv/git/d.git'), 'origin');
    await expect(none).rejects.toThrow(ReleaseError);
    await expect(githubRepository(target(), remoteAt(null), 'origin')).rejects.toThrow(
      /GITHUB_REPOSITORY is unset, no "githubRepository" setting, and the remote is not a GitHub URL/,
    );
  });

  it('refuses a malformed name, saying where it came from', async () => {
    await expect(githubRepository(target({ GITHUB_REPOSITORY: 'nope' }))).rejects.toThrow('GITHUB_REPOSITORY "nope" is not "owner/name"');
    const flag = resolveGitHubTarget(DEFAULT_OPTIONS, {}, { repository: 'a/b/c' });
    await expect(githubRepository(flag)).rejects.toThrow('--repository "a/b/c" is not "owner/name"');
  });

  it('finds the repository with or without a token (git is not given the token here)', async () => {
    expect(await githubRepository(target(), remoteAt('http://github.com/c/d'), 'origin')).toBe('c/d');
    expect(await githubRepository(target({ GITHUB_TOKEN: 't' }), remoteAt('https://x-access-token:secret@github.com/c/d'), 'origin')).toBe('c/d');
  });
});

describe('githubTarget', () => {
  it('refuses without a token before anything else, naming its variable and purpose', async () => {
    const err = await githubTarget(
      resolveGitHubTarget({ ...DEFAULT_OPTIONS, githubTokenEnv: 'RELEASE_TOKEN' }, { GITHUB_TOKEN: 'x', GITHUB_REPOSITORY: 'a/b' }),
      purpose,
    ).catch((e) => e);
    expect(err.message).toBe('the test needs a GitHub token in RELEASE_TOKEN; nothing was changed');
    expect(err.fix).toContain('export RELEASE_TOKEN');
  });

  it('never offers the token to a plain-http remote', async () => {
    await expect(githubTarget(target({ GITHUB_TOKEN: 't' }), purpose, remoteAt('http://github.com/c/d'), 'origin')).rejects.toThrow(
      /refused to push: http:\/\/github.com\/c\/d is plain http.*; GITHUB_TOKEN is set/,
    );
  });

  it('gives repository, API, token and its variable', async () => {
    const gh = await githubTarget(target({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'https://ghe.corp/api/v3' }), purpose);
    expect(gh).toEqual({ repository: 'a/b', apiUrl: 'https://ghe.corp/api/v3', token: 't', tokenVar: 'GITHUB_TOKEN', actor: null });
  });
});
