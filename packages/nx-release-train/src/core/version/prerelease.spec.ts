import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions } from '../settings/options';
import { releaseBranchName } from '../release';
import { releaseVersionOf, sameStage, stageOf, stepVersion, type PrereleaseSettings } from './prerelease';

const today: PrereleaseSettings = { devSuffix: 'dev', candidates: true, candidateSuffix: 'rc' };
const to = (v: string, step: Parameters<typeof stepVersion>[1]) => {
  const r = stepVersion(v, step, today);
  return 'to' in r ? r.to : `error: ${r.error} | ${r.fix}`;
};

describe('stageOf', () => {
  it.each([
    ['49.0.0', { kind: 'final' }],
    ['49.0.0-dev', { kind: 'dev' }],
    ['0.136.0-rc.3', { kind: 'candidate', n: 3 }],
    ['49.0.0-rc.0', { kind: 'unknown' }],
    ['49.0.0-rc', { kind: 'unknown' }],
    ['49.0.0-alpha.1', { kind: 'unknown' }],
    ['49.0.0-dev.1', { kind: 'unknown' }],
    ['49.0', { kind: 'unknown' }],
  ])('%s', (v, stage) => expect(stageOf(v, today)).toEqual(stage));

  it('follows the configured suffixes', () => {
    expect(stageOf('1.0.0-nightly', { ...today, devSuffix: 'nightly' })).toEqual({ kind: 'dev' });
    expect(stageOf('1.0.0-beta.2', { ...today, candidateSuffix: 'beta' })).toEqual({ kind: 'candidate', n: 2 });
  });
});

describe('stepVersion', () => {
  it.each([
    // classic train (plain versions) as before
    ['45.0.0', 'major', '46.0.0'],
    ['0.132.0', 'major', '0.133.0'],
    ['46.0.0', 'patch', '46.0.1'],
    ['46.0.0', 'release', '46.0.0'],
    // today's train
    ['49.0.0-dev', 'major', '50.0.0-dev'],
    ['0.136.0-dev', 'major', '0.137.0-dev'],
    ['49.0.0-dev', 'candidate', '49.0.0-rc.1'],
    ['0.136.0-dev', 'candidate', '0.136.0-rc.1'],
    ['49.0.0-rc.1', 'candidate', '49.0.0-rc.2'],
    ['49.0.0-rc.9', 'candidate', '49.0.0-rc.10'],
    ['49.0.0-rc.2', 'release', '49.0.0'],
    ['0.136.0-rc.2', 'release', '0.136.0'],
    ['49.0.0-dev', 'release', '49.0.0'],
  ] as const)('%s on %s -> %s', (from, step, expected) => expect(to(from, step)).toBe(expected));

  it('refuses a candidate on a released version (it would sort below it)', () => {
    expect(to('49.0.0', 'candidate')).toMatch(/already released: a candidate 49.0.0-rc.1 would sort below it \| .*release-patch/);
  });

  it('refuses a patch before release day', () => {
    expect(to('49.0.0-rc.2', 'patch')).toMatch(/at release candidate 2, not released.*\| release it first \(nx release-latest\), or make another candidate/);
    expect(to('49.0.0-dev', 'patch')).toMatch(/in development, not released/);
  });

  it('refuses to cut from a candidate, naming both shapes main may carry', () => {
    expect(to('49.0.0-rc.1', 'major')).toMatch(/release candidate.*\| set it to 49.0.0-dev \(today's train\) or 49.0.0 \(classic train\)/);
  });

  it('refuses unknown suffixes on every step, naming the settings', () => {
    for (const step of ['major', 'candidate', 'release', 'patch'] as const)
      expect(to('49.0.0-alpha.1', step)).toMatch(/suffix the release train does not know \| write X.Y.Z, X.Y.Z-dev or X.Y.Z-rc.N \(settings devSuffix "dev"/);
    expect(to('49.0', 'major')).toMatch(/not valid semver/);
  });
});

describe('helpers', () => {
  it('releaseVersionOf drops pre-release and build metadata', () => {
    expect(releaseVersionOf('49.0.0-rc.1')).toBe('49.0.0');
    expect(releaseVersionOf('49.0.0-dev+abc')).toBe('49.0.0');
    expect(releaseVersionOf('46.0.1')).toBe('46.0.1');
  });

  it('sameStage compares the candidate number too', () => {
    expect(sameStage(stageOf('1.0.0-rc.2', today), stageOf('0.1.0-rc.2', today))).toBe(true);
    expect(sameStage(stageOf('1.0.0-rc.2', today), stageOf('0.1.0-rc.1', today))).toBe(false);
    expect(sameStage(stageOf('1.0.0-dev', today), stageOf('0.1.0', today))).toBe(false);
  });
});

describe('settings', () => {
  it('refuses suffixes that are not one pre-release word, and equal suffixes', () => {
    expect(resolveOptions({ devSuffix: 'dev.1' }).problems.map((p) => p.setting)).toEqual(['devSuffix']);
    expect(resolveOptions({ candidateSuffix: '7' }).problems.map((p) => p.setting)).toEqual(['candidateSuffix']);
    expect(resolveOptions({ candidateSuffix: 'dev' }).problems[0].message).toBe('devSuffix and candidateSuffix are both "dev"');
    expect(resolveOptions({ devSuffix: 'nightly', candidates: true, candidateSuffix: 'beta' }).problems).toEqual([]);
  });
});

describe('names never carry the suffix', () => {
  it('release branches are named after the release (Wasmtime and Bevy mains)', () => {
    expect(releaseBranchName(DEFAULT_OPTIONS, '49.0.0-dev')).toBe('release-49.0.0');
    expect(releaseBranchName(DEFAULT_OPTIONS, '0.19.0-dev')).toBe('release-0.19.0');
    expect(releaseBranchName(DEFAULT_OPTIONS, '49.0.0-rc.2')).toBe('release-49.0.0');
    expect(releaseBranchName(DEFAULT_OPTIONS, '46.0.0')).toBe('release-46.0.0');
  });
});
