/** What `nx release publish` hands the publish target: Nx's release options set aside, npm's refused. */
import { describe, expect, it } from 'vitest';
import { FlagsError } from '../../core/flags/define';
import { publishOptionsOf } from './executor';

describe('publishOptionsOf', () => {
  it("passes the publish target's options on, without Nx's release bookkeeping", () => {
    expect(publishOptionsOf({ dryRun: true, registry: 'local', nxReleaseVersionData: { wasmtime: {} }, firstRelease: true })).toEqual({
      dryRun: true,
      registry: 'local',
    });
  });
  it('refuses npm options cargo has no equivalent for, naming them', () => {
    for (const npmOnly of ['tag', 'otp', 'access'])
      expect(() => publishOptionsOf({ [npmOnly]: 'x' })).toThrow(
        new FlagsError(`nx release publish --${npmOnly}: an npm option; cargo registries have no equivalent`, `leave out --${npmOnly}`),
      );
  });
});
