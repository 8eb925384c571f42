import { describe, expect, it } from 'vitest';
import { flagEnv } from '../core/argv';
import { parseFlags } from '../core/flags/define';
import { releaseAssetsFlags } from '../core/flags/release-assets';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { resolveReleaseAssets } from './release-assets';

// The GitHub target's precedence for both commands: release-artifacts.spec.ts.
const assets = (flags: Record<string, unknown>, env: Record<string, string> = {}) =>
  resolveReleaseAssets({ flags: parseFlags(releaseAssetsFlags, flags), options: DEFAULT_OPTIONS, env, root: '/ws' });

describe('resolveReleaseAssets', () => {
  it.each([
    ['defaults: the artifacts.builds decide the targets later', {}, {}, { version: undefined, targets: [] }],
    [
      '--targets as a comma string',
      { targets: 'x86_64-unknown-linux-gnu,aarch64-apple-darwin' },
      {},
      { version: undefined, targets: ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'] },
    ],
    ['--version handed on by the hook', {}, { [flagEnv('version')]: '5.0.0' }, { version: '5.0.0', targets: [] }],
  ])('%s', (_, flags, env, expected) => {
    const { version, targets } = assets(flags, env);
    expect({ version, targets }).toEqual(expected);
  });

  it('refuses an unknown flag naming it', () => {
    expect(() => parseFlags(releaseAssetsFlags, { taregts: 'x' })).toThrow(/taregts/);
  });
});
