import { describe, expect, it } from 'vitest';
import { releaseStatusFlags } from '../core/flags/release-status';
import { parseFlags } from '../core/flags/define';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { resolveReleaseStatus } from './release-status';

const resolve = (flags: Record<string, unknown>, env: Record<string, string> = {}, options = DEFAULT_OPTIONS) =>
  resolveReleaseStatus({ flags: parseFlags(releaseStatusFlags, flags), options, env, root: '/ws' });

describe('resolveReleaseStatus', () => {
  it.each([
    ['nothing: the table only', {}, {}, { json: false, html: null, issue: false, summary: null }],
    ['--json', { json: true }, {}, { json: true, html: null, issue: false, summary: null }],
    ['--html relative to the root', { html: 'out/status.html' }, {}, { json: false, html: '/ws/out/status.html', issue: false, summary: null }],
    ['--html absolute', { html: '/tmp/s.html' }, {}, { json: false, html: '/tmp/s.html', issue: false, summary: null }],
    [
      '--summary from GITHUB_STEP_SUMMARY',
      { summary: true },
      { GITHUB_STEP_SUMMARY: '/run/summary.md' },
      { json: false, html: null, issue: false, summary: { path: '/run/summary.md' } },
    ],
    ['--summary with the variable unset', { summary: true }, {}, { json: false, html: null, issue: false, summary: { path: null } }],
    ['--issue', { issue: true }, {}, { json: false, html: null, issue: true, summary: null }],
  ])('%s', (_name, flags, env, expected) => {
    const req = resolve(flags, env);
    expect({ json: req.json, html: req.html, issue: req.issue, summary: req.summary }).toEqual(expected);
  });

  it('GitHub: --repository over GITHUB_REPOSITORY over the setting; the token from githubTokenEnv', () => {
    const options = { ...DEFAULT_OPTIONS, githubRepository: 'o/setting', githubTokenEnv: 'RELEASE_TOKEN' };
    expect(resolve({}, {}, options).github.repository).toEqual({ value: 'o/setting', from: 'the "githubRepository" setting' });
    expect(resolve({}, { GITHUB_REPOSITORY: 'o/env' }, options).github.repository?.value).toBe('o/env');
    expect(resolve({ repository: 'o/flag' }, { GITHUB_REPOSITORY: 'o/env' }, options).github.repository?.value).toBe('o/flag');
    expect(resolve({}, { RELEASE_TOKEN: 't', GITHUB_TOKEN: 'other' }, options).github.token).toBe('t');
  });

  it('--registry over the registry setting', () => {
    expect(resolve({}, {}, { ...DEFAULT_OPTIONS, registry: 'mirror' }).options.registry).toBe('mirror');
    expect(resolve({ registry: 'local' }, {}, { ...DEFAULT_OPTIONS, registry: 'mirror' }).options.registry).toBe('local');
  });

  it("passes on only cargo's registry configuration and tokens from the environment", () => {
    const req = resolve({}, { CARGO_HOME: '/c', CARGO_REGISTRIES_LOCAL_INDEX: 'sparse+http://x/', CARGO_REGISTRY_TOKEN: 'k', GITHUB_TOKEN: 'g', HOME: '/h' });
    expect(req.cargoEnv).toEqual({ CARGO_HOME: '/c', CARGO_REGISTRIES_LOCAL_INDEX: 'sparse+http://x/', CARGO_REGISTRY_TOKEN: 'k' });
  });
});
