import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { candidateRefusal } from './release-rc';

const ctx = { options: { ...DEFAULT_OPTIONS, candidates: true } };
const refusal = (version: string) => {
  const e = candidateRefusal(ctx, 'release-49.0.0', version, '49.x');
  return e && `${e.message} | ${e.fix}`;
};

describe('candidateRefusal', () => {
  it('lets a line in candidates have the next one', () => {
    expect(refusal('49.0.0-rc.3')).toBeNull();
  });

  it('refuses a released line: the candidate would sort below the release', () => {
    expect(refusal('49.0.1')).toBe(
      'release-49.0.0 is at 49.0.1: the line is released, and a candidate 49.0.1-rc.1 would sort below 49.0.1 | ship the fix as a patch release: nx release-patch --target=49.x',
    );
  });

  it('refuses a line cut without candidates, pointing at release day', () => {
    expect(refusal('49.0.0-dev')).toMatch(/cut without release candidates.*\| release it on release day with nx release-latest \(49.0.0-dev -> 49.0.0\)/);
  });

  it('refuses a suffix the settings do not describe, naming them', () => {
    expect(refusal('49.0.0-beta.1')).toMatch(
      /of an unknown shape for the settings devSuffix "dev" and candidateSuffix "rc" \| set the versions on release-49.0.0 to 49.0.0-rc.N/,
    );
  });
});
