import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gitEnvironment } from './git-credentials';

/** What `git credential fill` answers for `host` with the train's environment (null: nothing). */
function fill(env: Record<string, string>, protocol: string, host: string): string | null {
  try {
    return execFileSync('git', ['credential', 'fill'], {
      input: `protocol=${protocol}\nhost=${host}\npath=o/r.git\n\n`,
      env: { PATH: process.env.PATH, HOME: '/nonexistent', GIT_CONFIG_NOSYSTEM: '1', ...env },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return null; // no helper answered and prompts are off
  }
}

describe('the credential helper is scoped to the GitHub host in use', () => {
  const token = 'ghp_scoped_secret_456';

  it('answers for that host only', () => {
    const env = gitEnvironment(token, 'https://github.com', {});
    expect(fill(env, 'https', 'github.com')).toContain(`password=${token}`);
    for (const [protocol, host] of [
      ['https', 'evil.example.com'],
      ['http', 'github.com'],
      ['https', 'github.com.evil.example'],
      ['https', 'github.com:8443'],
    ]) {
      expect(fill(env, protocol, host) ?? '').not.toContain(token);
    }
  });

  it('a GitHub Enterprise host with a port', () => {
    const env = gitEnvironment(token, 'https://127.0.0.1:8443', {});
    expect(fill(env, 'https', '127.0.0.1:8443')).toContain(`password=${token}`);
    expect(fill(env, 'https', '127.0.0.1:9443') ?? '').not.toContain(token);
  });
});
