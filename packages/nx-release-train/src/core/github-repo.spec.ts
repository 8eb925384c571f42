import { describe, expect, it } from 'vitest';
import { proposalBody, repositoryFromUrl } from './github-repo';

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
    expect(anonymous).not.toContain('Lines that stay:');
  });

  it('lists the lines the release leaves where they are, with the reason', () => {
    const body = proposalBody({ ...text, staying: [{ line: '0.4', version: '0.4.1', reason: 'unchanged since v5.0.0' }] });
    expect(body).toContain('- 0.x: 0.92.0 -> 0.92.1\n\nLines that stay:\n\n- 0.4 at 0.4.1: unchanged since v5.0.0\n\nFiles changed (2):');
  });
});
