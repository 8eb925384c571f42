import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './options';
import { isReleaseCommit, lineVersionProblem } from './release-line';

const branch = (version: string) => ({ name: `release-${version}`, version, major: Number(version.split('.')[0]) });

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

  it('recognises its own release commit for exactly that version', () => {
    const message = 'Release 5.0.1\n\n[automatically-tag-and-release-this-commit]\n';
    expect(isReleaseCommit(message, '5.0.1', DEFAULT_OPTIONS)).toBe(true);
    expect(isReleaseCommit(message, '5.0.2', DEFAULT_OPTIONS)).toBe(false);
    expect(isReleaseCommit('Release 5.0.1\n', '5.0.1', DEFAULT_OPTIONS)).toBe(false);
    expect(isReleaseCommit('fix\n\n[automatically-tag-and-release-this-commit]', '5.0.1', DEFAULT_OPTIONS)).toBe(false);
  });
});
