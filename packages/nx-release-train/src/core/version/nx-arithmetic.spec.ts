/** `nx release` keywords on every stage of the train: the train's step, or a refusal naming the command. */
import { describe, expect, it } from 'vitest';
import { followLine, nxNextVersion } from './nx-arithmetic';
import type { PrereleaseSettings } from './prerelease';

const train: PrereleaseSettings = { devSuffix: 'dev', candidates: true, candidateSuffix: 'rc' };
const next = (current: string, input: string, preid = '', settings = train) => {
  const step = nxNextVersion(current, input, preid, settings);
  return 'to' in step ? step.to : `refused: ${step.error} | ${step.fix}`;
};

// Each row: the stage, then what each keyword gives (a version, or a fragment of the refusal).
const TABLE: Array<[string, Record<string, string>]> = [
  [
    '49.0.0-dev',
    {
      major: '50.0.0-dev',
      prerelease: '49.0.0-rc.1',
      patch: 'refused: version "49.0.0-dev" is in development',
      minor: 'refused: "minor"',
      premajor: 'refused: "premajor" on 49.0.0-dev would write 50.0.0-rc.0',
      preminor: 'refused: "preminor"',
      prepatch: 'refused: "prepatch"',
    },
  ],
  [
    '0.136.0-dev',
    {
      major: '0.137.0-dev',
      prerelease: '0.136.0-rc.1',
      patch: 'refused:',
      minor: 'refused:',
      premajor: 'refused:',
      preminor: 'refused:',
      prepatch: 'refused:',
    },
  ],
  [
    '49.0.0-rc.1',
    {
      major: 'refused: version "49.0.0-rc.1" is a release candidate',
      prerelease: '49.0.0-rc.2',
      patch: 'refused: version "49.0.0-rc.1" is at release candidate 1',
      minor: 'refused:',
      premajor: 'refused:',
      preminor: 'refused:',
      prepatch: 'refused:',
    },
  ],
  [
    '0.136.0-rc.2',
    { major: 'refused:', prerelease: '0.136.0-rc.3', patch: 'refused:', minor: 'refused:', premajor: 'refused:', preminor: 'refused:', prepatch: 'refused:' },
  ],
  [
    '49.0.0',
    {
      major: '50.0.0',
      prerelease: 'refused: version "49.0.0" is already released',
      patch: '49.0.1',
      minor: 'refused:',
      premajor: 'refused:',
      preminor: 'refused:',
      prepatch: 'refused:',
    },
  ],
  ['46.0.1', { major: '47.0.0', prerelease: 'refused:', patch: '46.0.2', minor: 'refused:', premajor: 'refused:', preminor: 'refused:', prepatch: 'refused:' }],
  [
    '0.133.1',
    { major: '0.134.0', prerelease: 'refused:', patch: '0.133.2', minor: 'refused:', premajor: 'refused:', preminor: 'refused:', prepatch: 'refused:' },
  ],
];

describe('nxNextVersion: each keyword on each stage', () => {
  for (const [current, row] of TABLE)
    for (const [keyword, expected] of Object.entries(row))
      it(`${keyword} on ${current} -> ${expected}`, () => {
        const got = next(current, keyword);
        if (expected.startsWith('refused:')) expect(got.startsWith(expected)).toBe(true);
        else expect(got).toBe(expected);
      });

  it('every refusal names the train command that does it', () => {
    expect(next('49.0.0-dev', 'minor')).toContain('nx release-major');
    expect(next('49.0.0-rc.1', 'patch')).toContain('nx release-latest');
    expect(next('49.0.0-rc.1', 'patch')).toContain('nx release 49.0.0');
    expect(next('49.0.0', 'prerelease')).toContain('nx release-patch');
    expect(next('49.0.0-dev', 'premajor')).toContain('nx release-rc');
  });

  it('explicit versions are taken as given, on every stage', () => {
    expect(next('49.0.0-dev', '49.0.0')).toBe('49.0.0');
    expect(next('49.0.0-rc.2', '49.0.0')).toBe('49.0.0');
    expect(next('5.0.0', '5.1.0')).toBe('5.1.0');
    expect(next('5.0.0', '6.0.0-beta.1')).toBe('6.0.0-beta.1');
  });

  it('--preid: only the candidate suffix; candidates off refuses prerelease', () => {
    expect(next('49.0.0-dev', 'prerelease', 'rc')).toBe('49.0.0-rc.1');
    expect(next('49.0.0-dev', 'prerelease', 'beta')).toBe(
      "refused: --preid beta: the train's candidates are 49.0.0-rc.N (setting candidateSuffix) | leave out --preid, or pass --preid rc",
    );
    expect(next('49.0.0-dev', 'prerelease', '', { ...train, candidates: false })).toMatch(/^refused: .*candidates are off/);
    expect(next('49.0.0-dev', 'prerelease', 'pre', { ...train, candidateSuffix: 'pre' })).toBe('49.0.0-pre.1');
  });

  it('a published pre-release word (prereleaseIdentifiers) counts up in its own word, candidates on or off', () => {
    const alphas = { ...train, candidates: false, prereleaseIdentifiers: ['alpha'] };
    expect(next('0.8.0-alpha.1', 'prerelease', '', alphas)).toBe('0.8.0-alpha.2');
    expect(next('0.8.0-alpha.1', 'prerelease', 'alpha', alphas)).toBe('0.8.0-alpha.2');
    expect(next('0.8.0-alpha.1', 'prerelease', 'rc', alphas)).toMatch(
      /^refused: --preid rc on 0.8.0-alpha.1: the next pre-release of 0.8.0-alpha.1 is alpha.2/,
    );
    expect(next('0.8.0-alpha.1', 'major', '', alphas)).toBe('0.9.0-alpha.0');
  });

  it('refuses unknown keywords and unknown pre-release shapes with the fix', () => {
    expect(next('5.0.0', 'bump')).toMatch(/^refused: "bump" is neither a version nor one of major, minor/);
    expect(next('5.0.0-beta.1', 'major')).toMatch(/^refused: version "5.0.0-beta.1" has a pre-release suffix the release train does not know/);
  });
});

describe('followLine: a line that follows the version releases are named after', () => {
  const follow = (current: string, version: string, primary: string | null) => {
    const step = followLine(current, version, primary, train);
    return 'to' in step ? step.to : `refused: ${step.error}`;
  };
  it('moves by the step the explicit version is for the primary line', () => {
    expect(follow('0.92.0', '6.0.0', '5.0.0')).toBe('0.93.0'); // the cut
    expect(follow('0.92.0', '5.0.1', '5.0.0')).toBe('0.92.1'); // a patch
    expect(follow('0.136.0-dev', '49.0.0-rc.1', '49.0.0-dev')).toBe('0.136.0-rc.1'); // a candidate
    expect(follow('0.136.0-rc.2', '49.0.0', '49.0.0-rc.2')).toBe('0.136.0'); // release day
    expect(follow('0.136.0-dev', '50.0.0-dev', '49.0.0-dev')).toBe('0.137.0-dev'); // the cut of main
  });
  it('takes a version of its own kind as given, and the primary line takes its own', () => {
    expect(follow('0.92.0', '0.95.0', '5.0.0')).toBe('0.95.0');
    expect(follow('5.0.0', '6.0.0', '5.0.0')).toBe('6.0.0');
    expect(follow('0.92.0', '1.0.0', null)).toBe('1.0.0');
  });
  it('refuses a version no train step reaches', () => {
    expect(follow('0.92.0', '7.0.0', '5.0.0')).toMatch(/^refused: 7.0.0 is not a train step from 5.0.0/);
  });
});
