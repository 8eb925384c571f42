import { describe, expect, it } from 'vitest';
import { nextVersion, parseRequirement, rewriteRequirement } from './versions';

describe('nextVersion', () => {
  it.each([
    ['45.0.0', 'major', '46.0.0'],
    ['45.0.3', 'major', '46.0.0'],
    ['0.132.0', 'major', '0.133.0'],
    ['0.132.4', 'major', '0.133.0'],
    ['46.0.0', 'patch', '46.0.1'],
    ['0.133.0', 'patch', '0.133.1'],
    ['46.0.0', 'release', '46.0.0'],
  ] as const)('%s on %s -> %s', (from, bump, to) => {
    expect(nextVersion(from, bump)).toBe(to);
  });

  it('returns null for a version that is not semver', () => {
    expect(nextVersion('1.0', 'major')).toBeNull();
  });
});

describe('parseRequirement', () => {
  it.each([
    ['=1.2.3', '=', '1.2.3'],
    ['^1.2.3', '^', '1.2.3'],
    ['1.2.3', '', '1.2.3'],
    ['= 0.20.3', '=', '0.20.3'],
    [' ^ 2.0.0-rc.1 ', '^', '2.0.0-rc.1'],
  ])('%j is %j on %s', (req, op, version) => {
    expect(parseRequirement(req)).toMatchObject({ op, version });
  });

  it.each(['~1.2.3', '>=1, <2', '1.2', '*', '1.2.3, 1.2.4'])('%j is not a single-version requirement', (req) => {
    expect(parseRequirement(req)).toBeNull();
  });

  it('rewrites only the version, keeping operator and spacing', () => {
    const req = '=  1.2.3';
    expect(rewriteRequirement(req, parseRequirement(req)!, '2.0.0')).toBe('=  2.0.0');
  });
});
