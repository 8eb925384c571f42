import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './options';
import { fillPattern, linePatternProblem, patternGlob, versionInName } from './pattern';
import { releaseBranches } from '../release';
import { parseLineSelector } from '../release-line';
import { pullKind } from '../status/pulls';
import { versionsFromTags } from '../artifacts/naming';

describe('name patterns: one reader for every command', () => {
  it('reads back the version a name was filled from, for every placeholder shape', () => {
    expect(versionInName('release-{version}', 'release-49.0.0')).toBe('49.0.0');
    expect(versionInName('v{version}', 'v50.0.0-rc.1')).toBe('50.0.0-rc.1');
    expect(versionInName('{major}.{minor}', '0.14')).toBe('0.14.0');
    expect(versionInName('rel/{major}.{minor}.x', 'rel/4.0.x')).toBe('4.0.0');
    expect(versionInName('v{major}.{minor}.{patch}', 'v1.2.3')).toBe('1.2.3');
    // Not a name of the pattern: other text, a leading zero, placeholders that disagree.
    expect(versionInName('{major}.{minor}', 'main')).toBeNull();
    expect(versionInName('{major}.{minor}', '0.014')).toBeNull();
    expect(versionInName('{major}.{minor}-{major}', '1.2-3')).toBeNull();
    expect(versionInName('release-{version}', 'release-49')).toBeNull();
    expect(versionInName('ci/fixed', 'ci/fixed')).toBeNull();
  });

  it('gives a glob that matches what it fills', () => {
    expect(patternGlob('release-{version}')).toBe('release-*');
    expect(patternGlob('{major}.{minor}')).toBe('*.*');
    expect(fillPattern('{major}.{minor}', '0.14.0')).toBe('0.14');
  });

  it('is refused up front when it cannot tell lines apart or be read back', () => {
    expect(linePatternProblem('release-{version}')).toBeNull();
    expect(linePatternProblem('{major}.{minor}')).toBeNull();
    expect(linePatternProblem('release-{major}')).toContain('neither {version} nor both {major} and {minor}');
    expect(linePatternProblem('r{major}{minor}')).toContain('cannot be read back');
  });

  it('a {major}.{minor} release branch is found by every command: the branch list, --target, review branches, tags', () => {
    const options = { ...DEFAULT_OPTIONS, branchPattern: '{major}.{minor}' };
    expect(releaseBranches(['main', '0.13', '0.14', 'ci/x', '0.14.1'], options).map((b) => [b.name, b.version, b.line])).toEqual([
      ['0.14', '0.14.0', '0.14'],
      ['0.13', '0.13.0', '0.13'],
    ]);
    expect(parseLineSelector('0.14', options.branchPattern)).toEqual({ input: '0.14', prefix: [0, 14] });
    expect(parseLineSelector('4.0', options.branchPattern)).toEqual({ input: '4.0', branch: '4.0' });
    expect(pullKind('ci/rc-0.14.0-rc.1', options)).toBe('candidate');
    expect(versionsFromTags(['v0.14.0', 'x'], 'v{major}.{minor}.{patch}')).toEqual(['0.14.0']);
  });
});
