import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gitEnvironment, redact } from './git-credentials';

describe('git credentials for --push and binding pushes', () => {
  it('answers git from an environment variable, with nothing in the arguments', () => {
    const token = 'ghp_secret_value_123';
    const env = gitEnvironment(token, 'https://github.com', {});
    expect(
      Object.entries(env)
        .filter(([k]) => k.startsWith('GIT_CONFIG_VALUE'))
        .map(([, v]) => v)
        .join(' '),
    ).not.toContain(token);
    const out = execFileSync('git', ['credential', 'fill'], {
      input: 'protocol=https\nhost=github.com\npath=o/r.git\n\n',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
      encoding: 'utf8',
    });
    expect(out).toContain('username=x-access-token\n');
    expect(out).toContain(`password=${token}\n`);
  });

  it('appends after configuration already passed through the environment', () => {
    const env = gitEnvironment('t', 'https://github.com', { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'url.x.insteadOf', GIT_CONFIG_VALUE_0: 'y' });
    expect(env).toMatchObject({
      GIT_CONFIG_COUNT: '3',
      GIT_CONFIG_KEY_1: 'credential.helper',
      GIT_CONFIG_KEY_2: 'credential.https://github.com.helper',
      GIT_TERMINAL_PROMPT: '0',
    });
    expect(gitEnvironment(undefined, 'https://github.com', {})).toEqual({ GIT_TERMINAL_PROMPT: '0' });
  });

  it('redacts credentials in URLs and the token itself from messages', () => {
    expect(redact('fatal: https://me:pw@host/x.git failed, token abc', 'abc')).toBe('fatal: https://***@host/x.git failed, token ***');
  });
});
