/** release-trust's resolve, as a table: flag > environment > setting > default. */
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../core/flags/define';
import { releaseTrustFlags } from '../core/flags/release-trust';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../core/settings/options';
import { resolveReleaseTrust } from './release-trust';

const resolve = (flags: Record<string, unknown> = {}, env: Record<string, string> = {}, settings: Partial<ReleaseTrainOptions> = {}) =>
  resolveReleaseTrust({ flags: parseFlags(releaseTrustFlags, flags) as never, options: { ...DEFAULT_OPTIONS, ...settings }, env, root: '/ws' });

describe('release-trust resolve', () => {
  it.each([
    [
      'defaults',
      {},
      {},
      {},
      { workflow: 'release-train.yml', environment: 'publish', trustTokenVariable: 'CARGO_TRUST_TOKEN', trustToken: undefined, dryRun: false },
    ],
    [
      'settings name the workflow, environment and token variable',
      {},
      { MY_TRUST: 'sekrit', CARGO_TRUST_TOKEN: 'other' },
      { releaseWorkflow: 'publish.yaml', publishEnvironment: 'crates', trustTokenVariable: 'MY_TRUST' },
      { workflow: 'publish.yaml', environment: 'crates', trustTokenVariable: 'MY_TRUST', trustToken: 'sekrit' },
    ],
    ['the default variable', { dryRun: true }, { CARGO_TRUST_TOKEN: 't' }, {}, { trustToken: 't', dryRun: true }],
    ['an empty variable is no token', {}, { CARGO_TRUST_TOKEN: '' }, {}, { trustToken: undefined }],
  ])('%s', (_, flags, env, settings, expected) => {
    expect(resolve(flags, env, settings)).toMatchObject(expected);
  });

  it.each([
    [
      'flag over everything',
      { repository: 'flag/repo' },
      { GITHUB_REPOSITORY: 'env/repo' },
      { githubRepository: 'set/repo' },
      { value: 'flag/repo', from: '--repository' },
    ],
    ['environment over setting', {}, { GITHUB_REPOSITORY: 'env/repo' }, { githubRepository: 'set/repo' }, { value: 'env/repo', from: 'GITHUB_REPOSITORY' }],
    ['setting', {}, {}, { githubRepository: 'set/repo' }, { value: 'set/repo', from: 'the "githubRepository" setting' }],
    ['none: the remote decides at run time', {}, {}, {}, null],
  ])('repository: %s', (_, flags, env, settings, expected) => {
    expect(resolve(flags, env, settings).github.repository).toEqual(expected);
  });

  it.each([
    ['flag over setting', { registry: 'flagged' }, { registry: 'set' }, 'flagged', 'flag'],
    ['setting', {}, { registry: 'set' }, 'set', 'setting'],
    ['crates.io by default', {}, {}, null, 'setting'],
  ])('registry: %s', (_, flags, settings, registry, from) => {
    expect(resolve(flags, {}, settings)).toMatchObject({ registry, registryFrom: from });
  });
});
