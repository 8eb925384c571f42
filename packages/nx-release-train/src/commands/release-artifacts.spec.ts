import { describe, expect, it } from 'vitest';
import { flagEnv } from '../core/argv';
import { parseFlags } from '../core/flags/define';
import { releaseArtifactsFlags } from '../core/flags/release-artifacts';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../core/settings/options';
import { resolveReleaseArtifacts } from './release-artifacts';

const options: ReleaseTrainOptions = DEFAULT_OPTIONS;
const artifacts = (flags: Record<string, unknown>, env: Record<string, string> = {}) =>
  resolveReleaseArtifacts({ flags: parseFlags(releaseArtifactsFlags, flags), options, env, root: '/ws' });

describe('resolveReleaseArtifacts', () => {
  it.each([
    ['defaults', {}, {}, { version: undefined, targets: [], dryRun: false, sourceDateEpoch: undefined }],
    [
      '--version as given',
      { version: '5.0.0' },
      { [flagEnv('version')]: '6.0.0' },
      { version: '5.0.0', targets: [], dryRun: false, sourceDateEpoch: undefined },
    ],
    ['--version handed on by the hook', {}, { [flagEnv('version')]: '6.0.0' }, { version: '6.0.0', targets: [], dryRun: false, sourceDateEpoch: undefined }],
    [
      '--targets as a comma string',
      { targets: 'a, b,', dryRun: true },
      {},
      { version: undefined, targets: ['a', 'b'], dryRun: true, sourceDateEpoch: undefined },
    ],
    [
      '--targets as an array; --skip-release accepted and meaningless',
      { targets: ['a'], skipRelease: true },
      {},
      { version: undefined, targets: ['a'], dryRun: false, sourceDateEpoch: undefined },
    ],
    [
      'SOURCE_DATE_EPOCH stamps the archives',
      {},
      { SOURCE_DATE_EPOCH: '1700000000' },
      { version: undefined, targets: [], dryRun: false, sourceDateEpoch: 1700000000 },
    ],
    [
      'a SOURCE_DATE_EPOCH that is no number is ignored',
      {},
      { SOURCE_DATE_EPOCH: 'soon' },
      { version: undefined, targets: [], dryRun: false, sourceDateEpoch: undefined },
    ],
  ])('%s', (_, flags, env, expected) => {
    const { version, targets, dryRun, sourceDateEpoch } = artifacts(flags, env);
    expect({ version, targets, dryRun, sourceDateEpoch }).toEqual(expected);
  });

  it("keeps a target's own plugin settings out of the flags (they are options, merged by execute())", () => {
    expect(parseFlags(releaseArtifactsFlags, { artifacts: { compression: 1 } })).toMatchObject({ artifacts: { compression: 1 } });
  });
});
