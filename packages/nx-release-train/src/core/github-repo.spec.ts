import { describe, expect, it } from 'vitest';
import { proposalBody, repositoryFromUrl, resolveRepository } from './github-repo';
import { ReleaseError } from './release';

describe('repositoryFromUrl', () => {
  it('reads owner/name from https, ssh and scp-like GitHub URLs', () => {
    const hosts = ['github.com'];
    expect(repositoryFromUrl('https://github.com/bytecodealliance/wasmtime.git', hosts)).toBe('bytecodealliance/wasmtime');
    expect(repositoryFromUrl('https://x-access-token@github.com/bytecodealliance/wasmtime', hosts)).toBe('bytecodealliance/wasmtime');
    expect(repositoryFromUrl('git@github.com:bytecodealliance/wasmtime.git', hosts)).toBe('bytecodealliance/wasmtime');
    expect(repositoryFromUrl('ssh://git@github.com:22/bytecodealliance/wasmtime.git', hosts)).toBe('bytecodealliance/wasmtime');
    expect(repositoryFromUrl('https://GitHub.com/acme/widget/', hosts)).toBe('acme/widget');
  });

  it('ignores other hosts, local paths and deeper paths', () => {
    expect(repositoryFromUrl('https://gitlab.com/acme/widget.git', ['github.com'])).toBeNull();
    expect(repositoryFromUrl('/tmp/remote.git', ['github.com'])).toBeNull();
    expect(repositoryFromUrl('https://github.com/acme/widget/tree/main', ['github.com'])).toBeNull();
    expect(repositoryFromUrl('https://ghe.example.com/acme/widget.git', ['github.com', 'ghe.example.com'])).toBe('acme/widget');
  });
});

describe('resolveRepository', () => {
  it('prefers GITHUB_REPOSITORY, then the remote URL, then the setting', () => {
    expect(resolveRepository({ env: 'a/b', remoteUrl: 'https://github.com/c/d', setting: 'e/f' })).toEqual({ repository: 'a/b', from: 'GITHUB_REPOSITORY' });
    expect(resolveRepository({ remoteUrl: 'https://github.com/c/d', setting: 'e/f' }).repository).toBe('c/d');
    expect(resolveRepository({ remoteUrl: '/srv/git/d.git', setting: 'e/f' }).repository).toBe('e/f');
    expect(resolveRepository({ remoteUrl: 'https://ghe.corp/c/d.git', serverUrl: 'https://ghe.corp', setting: null }).repository).toBe('c/d');
  });

  it('refuses with the fix when none is known or a value is malformed', () => {
    const none = () => resolveRepository({ remoteUrl: '/srv/git/d.git', setting: null });
    expect(none).toThrow(ReleaseError);
    expect(none).toThrow(/GITHUB_REPOSITORY is unset and the remote is not a GitHub URL/);
    expect(() => resolveRepository({ env: 'nope', setting: null })).toThrow(/GITHUB_REPOSITORY "nope" is not "owner\/name"/);
    expect(() => resolveRepository({ setting: 'a/b/c' })).toThrow(/"githubRepository"/);
  });
});

describe('proposalBody', () => {
  const text = {
    summary: 'Patch release 5.0.1 on release-5.0.0.',
    lines: [
      { line: 'workspace', from: '5.0.0', to: '5.0.1' },
      { line: '0.x', from: '0.92.0', to: '0.92.1' },
    ],
    files: ['Cargo.toml', 'RELEASES.md'],
    actor: 'octocat',
    command: 'nx release-patch --push',
    onMerge: 'CI tags v5.0.1.',
  };

  it('says what changed, who asked and what merging does', () => {
    const body = proposalBody(text);
    expect(body).toContain('- workspace: 5.0.0 -> 5.0.1\n- 0.x: 0.92.0 -> 0.92.1');
    expect(body).toContain('Files changed (2):\n\n- `Cargo.toml`\n- `RELEASES.md`');
    expect(body).toContain('On merge: CI tags v5.0.1.');
    expect(body).toContain('run by @octocat');
    expect(body.startsWith('Patch release 5.0.1 on release-5.0.0.\n')).toBe(true);
  });

  it('is the same text for the same inputs, and names no actor when none is known', () => {
    expect(proposalBody(text)).toBe(proposalBody({ ...text }));
    const anonymous = proposalBody({ ...text, actor: null, lines: [] });
    expect(anonymous).not.toContain('run by');
    expect(anonymous).not.toContain('Versions:');
  });
});
