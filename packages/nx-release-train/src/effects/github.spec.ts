/** The GitHub client's failures in words, against the local GitHub API (real Octokit, real HTTP). */
import { afterEach, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi } from '../../../../tools/local-github';
import { call, GitHubError, octokitFor } from './github';

let api: GitHubApi;
afterEach(() => api?.stop());

describe('the GitHub client', () => {
  it('reports a hanging API as a timeout after its bound, not as HTTP 500, with a fix that fits', async () => {
    api = await startGitHubApi({ token: 'test-token-123', repos: ['acme/widget'] });
    const gh = await octokitFor('test-token-123', api.url, { timeoutMs: 300, uploadTimeoutMs: 300 });
    expect((await gh.rest.pulls.list({ owner: 'acme', repo: 'widget' })).data).toEqual([]);
    api.state.injectFault({ hang: true });
    const started = Date.now();
    const err = (await call('read acme/widget', () => gh.rest.pulls.list({ owner: 'acme', repo: 'widget' })).catch((e: unknown) => e)) as GitHubError;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err).toBeInstanceOf(GitHubError);
    expect(err.message).toBe('GitHub API: read acme/widget failed (timed out): no answer within 1 s');
    expect(err.message).not.toContain('500');
    expect(err.fix).toContain('did not answer in time');
    // A dropped connection has no status either.
    api.state.injectFault({ drop: true });
    const dropped = (await call('read acme/widget', () => gh.rest.pulls.list({ owner: 'acme', repo: 'widget' })).catch((e: unknown) => e)) as GitHubError;
    expect(dropped.status).toBeNull();
    expect(dropped.message).toMatch(/^GitHub API: read acme\/widget failed \(no answer\): /);
  });
});
