import { describe, expect, it } from 'vitest';
import { gitHostOfApi, insecureRemoteProblem } from './git-host';

describe('the GitHub host a token belongs to', () => {
  it('follows the API URL', () => {
    expect(gitHostOfApi('https://api.github.com')).toBe('https://github.com');
    expect(gitHostOfApi('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com');
    expect(gitHostOfApi('https://api.acme.ghe.com/')).toBe('https://acme.ghe.com');
    expect(gitHostOfApi('http://127.0.0.1:4567')).toBe('http://127.0.0.1:4567');
    expect(gitHostOfApi('not a url')).toBeNull();
  });

  it('plain http remotes are named', () => {
    expect(insecureRemoteProblem('http://git.example.com/o/r.git')).toContain('plain http');
    expect(insecureRemoteProblem('HTTP://x/y')).not.toBeNull();
    expect(insecureRemoteProblem('https://github.com/o/r')).toBeNull();
    expect(insecureRemoteProblem('/srv/git/r.git')).toBeNull();
  });
});
