import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './settings/options';
import { releaseBranches } from './release';
import {
  compareLines,
  compatLine,
  isAnyReleaseCommit,
  isPatchVersion,
  isReleaseCommit,
  isSquashedReleaseCommit,
  lineHolds,
  lineLabel,
  lineNumber,
  lineVersionProblem,
  parseLineSelector,
} from './release-line';

describe('compatLine', () => {
  it.each([
    ['46.0.1', '46'],
    ['1.0.0', '1'],
    ['0.19.3', '0.19'],
    ['0.110.0', '0.110'],
    ['0.0.7', '0.0.7'],
    ['0.36.0-alpha.1+dev', '0.36'],
    ['49.0.0-dev', '49'],
  ])('%s is on line %s', (version, line) => {
    expect(compatLine(version)).toBe(line);
  });
  it('has no line for a version that is not semver', () => {
    expect(compatLine('0.19')).toBeNull();
    expect(compatLine('x')).toBeNull();
  });
});

describe('line names', () => {
  it('labels and orders lines', () => {
    expect(['4', '0.19', '0.0.3'].map(lineLabel)).toEqual(['4.x', '0.19.x', '0.0.3']);
    expect(['4', '0.110', '0.19', '1', '0.0.3'].sort(compareLines)).toEqual(['0.0.3', '0.19', '0.110', '1', '4']);
    expect(['4', '0.19', '0.0.3'].map(lineNumber)).toEqual([4, 19, 3]);
  });
});

describe('parseLineSelector', () => {
  it.each([
    ['4.x', { prefix: [4] }],
    ['4', { prefix: [4] }],
    ['0.x', { prefix: [0] }],
    ['0.19.x', { prefix: [0, 19] }],
    ['0.19', { prefix: [0, 19] }],
    ['0.19.0', { version: '0.19.0' }],
    ['49.0.0-rc.1', { version: '49.0.0-rc.1' }],
    ['release-0.19.0', { branch: 'release-0.19.0' }],
  ])('reads %s', (input, expected) => {
    expect(parseLineSelector(input, 'release-{version}')).toEqual({ input, ...expected });
  });
  it.each(['4.1', 'release-0.19', 'release-', 'v0.19.0', '0.19.x.1', ''])('refuses %j', (input) => {
    expect(parseLineSelector(input, 'release-{version}')).toBeNull();
  });
});

describe('releaseBranches', () => {
  it('gives every release branch its compatibility line, newest first', () => {
    const branches = releaseBranches(['main', 'release-0.18.0', 'release-0.19.0', 'release-4.0.0', 'release-0.19', 'ci/bump-to-5.0.0'], DEFAULT_OPTIONS);
    expect(branches.map((b) => [b.name, b.line])).toEqual([
      ['release-4.0.0', '4'],
      ['release-0.19.0', '0.19'],
      ['release-0.18.0', '0.18'],
    ]);
  });
});

describe('minor lines', () => {
  it('makes every branch of a major a line of its own once a minor of it has a branch', () => {
    const names = ['release-0.19.0', 'release-1.0.0', 'release-1.256.0', 'release-1.257.0', 'release-2.0.0'];
    expect(releaseBranches(names, DEFAULT_OPTIONS).map((b) => [b.name, lineLabel(b.line)])).toEqual([
      ['release-2.0.0', '2.x'],
      ['release-1.257.0', '1.257.x'],
      ['release-1.256.0', '1.256.x'],
      ['release-1.0.0', '1.0.x'],
      ['release-0.19.0', '0.19.x'],
    ]);
  });
  it('reads N.M.x as a minor line, and says which versions a line holds', () => {
    expect(parseLineSelector('1.256.x', 'release-{version}')).toEqual({ input: '1.256.x', prefix: [1, 256] });
    expect(['1.256.3', '1.257.0', '0.256.0'].map((v) => lineHolds('1.256', v))).toEqual([true, false, false]);
    expect(['1.256.3', '1.0.0', '2.0.0'].map((v) => lineHolds('1', v))).toEqual([true, true, false]);
    expect(['1.256', '1.257', '2', '0.19'].sort(compareLines)).toEqual(['0.19', '1.256', '1.257', '2']);
  });
});

const branch = (version: string) => ({ name: `release-${version}`, version, major: Number(version.split('.')[0]), line: compatLine(version)! });

describe('release lines', () => {
  it('a branch holds its own line only', () => {
    expect(lineVersionProblem(branch('4.0.0'), '4.0.3')).toBeNull();
    expect(lineVersionProblem(branch('4.0.0'), '4.0.0')).toBeNull();
    expect(lineVersionProblem(branch('49.0.0'), '49.0.0-rc.2')).toBeNull();
    expect(lineVersionProblem(branch('4.0.0'), '6.0.0')).toBe('release-4.0.0 holds version 6.0.0, not a 4.0.x version of its line');
    expect(lineVersionProblem(branch('4.0.0'), '4.1.0')).not.toBeNull();
    expect(lineVersionProblem(branch('0.92.0'), '0.93.0')).not.toBeNull();
    expect(lineVersionProblem(branch('4.0.2'), '4.0.1')).not.toBeNull();
  });

  it("a patch writes only plain versions above the line's own release", () => {
    expect(isPatchVersion(branch('49.0.0'), '49.0.1')).toBe(true);
    expect(isPatchVersion(branch('49.0.0'), '49.0.0')).toBe(false);
    expect(isPatchVersion(branch('49.0.0'), '49.0.0-rc.2')).toBe(false);
    expect(isPatchVersion(branch('0.19.3'), '0.19.4')).toBe(true);
  });

  it('recognises its own release commit for exactly that version', () => {
    const message = 'Release 5.0.1\n\n[automatically-tag-and-release-this-commit]\n';
    expect(isReleaseCommit(message, '5.0.1', DEFAULT_OPTIONS)).toBe(true);
    expect(isReleaseCommit(message, '5.0.2', DEFAULT_OPTIONS)).toBe(false);
    expect(isReleaseCommit('Release 5.0.1\n', '5.0.1', DEFAULT_OPTIONS)).toBe(false);
    expect(isReleaseCommit('fix\n\n[automatically-tag-and-release-this-commit]', '5.0.1', DEFAULT_OPTIONS)).toBe(false);
  });

  it("recognises GitHub's squash of it, and a release commit of any version", () => {
    const marker = '\n\n[automatically-tag-and-release-this-commit]\n';
    expect(isSquashedReleaseCommit(`Release 5.0.1 (#12)${marker}`, '5.0.1', DEFAULT_OPTIONS)).toBe(true);
    expect(isSquashedReleaseCommit(`Release 5.0.1 (#12) and more${marker}`, '5.0.1', DEFAULT_OPTIONS)).toBe(false);
    expect(isSquashedReleaseCommit('Release 5.0.1 (#12)\n', '5.0.1', DEFAULT_OPTIONS)).toBe(false);
    expect(isAnyReleaseCommit(`Release 49.0.0-rc.2${marker}`, DEFAULT_OPTIONS)).toBe(true);
    expect(isAnyReleaseCommit(`Release Wasmtime 49.0.0${marker}`, { ...DEFAULT_OPTIONS, releaseTitle: 'Release Wasmtime {version}' })).toBe(true);
    expect(isAnyReleaseCommit(`Release notes typo${marker}`, DEFAULT_OPTIONS)).toBe(false);
    expect(isAnyReleaseCommit('Release 5.0.1\n', DEFAULT_OPTIONS)).toBe(false);
  });
});
