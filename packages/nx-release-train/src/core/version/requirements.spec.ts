import { describe, expect, it } from 'vitest';
import { parseCargoRequirement, rewriteCargoRequirement, satisfiesCargo } from './requirements';

const rewrite = (req: string, from: string, to: string) => rewriteCargoRequirement(req, from, to);
const satisfies = (version: string, req: string) => satisfiesCargo(version, parseCargoRequirement(req)!);

describe('rewriteCargoRequirement: every operator and precision', () => {
  it.each([
    // bare (caret), at each precision
    ['0.19', '0.19.3', '0.20.0', '0.20'],
    ['0.19.0', '0.19.3', '0.20.0', '0.20.0'],
    ['0', '0.19.3', '0.20.0', null],
    ['45.0.0', '45.0.0', '46.0.0', '46.0.0'],
    ['45', '45.0.0', '46.0.0', '46'],
    ['45.0', '45.0.0', '46.0.0', '46.0'],
    // caret
    ['^0.19', '0.19.3', '0.20.0', '^0.20'],
    ['^0.19.1', '0.19.3', '0.20.0', '^0.20.0'],
    // exact
    ['=0.19.3', '0.19.3', '0.20.0', '=0.20.0'],
    ['=0.19', '0.19.3', '0.20.0', '=0.20'],
    ['= 45.0.0', '45.0.0', '46.0.0', '= 46.0.0'],
    // tilde
    ['~0.19.2', '0.19.3', '0.20.0', '~0.20.0'],
    ['~0.19', '0.19.3', '0.20.0', '~0.20'],
    ['~45.0.0', '45.0.0', '45.0.1', '~45.0.1'],
    // wildcard parts keep their place
    ['0.19.*', '0.19.3', '0.20.0', '0.20.*'],
    // patch bumps keep a requirement that still admits the new version at its precision
    ['0.19', '0.19.3', '0.19.4', null],
    ['=0.19.3', '0.19.3', '0.19.4', '=0.19.4'],
    // spacing around the text is kept
    ['  ^ 0.19.3 ', '0.19.3', '0.20.0', '  ^ 0.20.0 '],
  ])('%j on %s -> %s is %j', (req, from, to, expected) => {
    expect(rewrite(req, from, to)).toEqual(expected === null ? { kind: 'unchanged' } : { kind: 'rewritten', text: expected });
  });

  it('keeps ranges and wildcards the new version still satisfies', () => {
    expect(rewrite('*', '0.19.3', '0.20.0')).toEqual({ kind: 'unchanged' });
    expect(rewrite('>=0.19', '0.19.3', '0.20.0')).toEqual({ kind: 'unchanged' });
    expect(rewrite('>=45, <50', '45.0.0', '46.0.0')).toEqual({ kind: 'unchanged' });
  });

  it('refuses a range the new version falls out of', () => {
    expect(rewrite('>=0.19, <0.20', '0.19.3', '0.20.0')).toMatchObject({ kind: 'cannot' });
    expect(rewrite('<46', '45.0.0', '46.0.0')).toMatchObject({ kind: 'cannot' });
  });

  it('reports a requirement the current version does not satisfy as stale', () => {
    expect(rewrite('=0.19.2', '0.19.3', '0.20.0')).toEqual({ kind: 'stale' });
    expect(rewrite('0.18', '0.19.3', '0.20.0')).toEqual({ kind: 'stale' });
    expect(rewrite('~0.19.4', '0.19.3', '0.20.0')).toEqual({ kind: 'stale' });
    expect(rewrite('44.0.0', '45.0.0', '46.0.0')).toEqual({ kind: 'stale' });
  });

  it('reports what is no requirement at all', () => {
    for (const req of ['', 'latest', '0.19.x.1', '^^1', '1.2.3.4', '=']) expect(rewrite(req, '0.19.3', '0.20.0')).toEqual({ kind: 'unparsed' });
  });
});

describe('build metadata and pre-releases', () => {
  it('ignores build metadata on the version and on the requirement', () => {
    expect(satisfies('0.36.0-alpha.1+dev', '=0.36.0-alpha.1')).toBe(true);
    expect(satisfies('0.36.0', '=0.36.0+build.5')).toBe(true);
    expect(rewrite('=0.36.0-alpha.1', '0.36.0-alpha.1+dev', '0.37.0-alpha.1+dev')).toEqual({ kind: 'rewritten', text: '=0.37.0-alpha.1' });
  });

  it('matches pre-releases only through a comparator naming one of the same version', () => {
    expect(satisfies('49.0.0-dev', '=49.0.0-dev')).toBe(true);
    expect(satisfies('49.0.0-dev', '49.0.0-dev')).toBe(true);
    expect(satisfies('49.0.0-dev', '49.0.0')).toBe(false);
    expect(satisfies('0.20.0-rc.1', '0.20')).toBe(false);
    expect(rewrite('=49.0.0-dev', '49.0.0-dev', '49.0.0-rc.1')).toEqual({ kind: 'rewritten', text: '=49.0.0-rc.1' });
    expect(rewrite('49.0.0-dev', '49.0.0-dev', '50.0.0-dev')).toEqual({ kind: 'rewritten', text: '50.0.0-dev' });
    expect(rewrite('=49.0.0-rc.1', '49.0.0-rc.1', '49.0.0')).toEqual({ kind: 'rewritten', text: '=49.0.0' });
  });

  it('refuses a partial requirement that cannot admit a pre-release', () => {
    expect(rewrite('0.19', '0.19.3', '0.20.0-rc.1')).toMatchObject({ kind: 'cannot', reason: '"0.20" would not admit 0.20.0-rc.1' });
  });
});

describe('satisfiesCargo reads bare versions as Cargo does (caret), not as node-semver (x-range)', () => {
  it.each([
    ['1.5.0', '1.2', true],
    ['2.0.0', '1.2', false],
    ['0.19.9', '0.19', true],
    ['0.20.0', '0.19', false],
    ['0.0.4', '0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.2.9', '=1.2', true],
    ['1.3.0', '1.2.*', false],
  ])('%s against %j: %s', (version, req, expected) => {
    expect(satisfies(version, req)).toBe(expected);
  });
});

describe('rewriteCargoRequirement: results kept by requirement and move', () => {
  it('answers a repeated requirement for each move on its own', () => {
    expect(rewrite('=45.0.0', '45.0.0', '46.0.0')).toEqual({ kind: 'rewritten', text: '=46.0.0' });
    expect(rewrite('=45.0.0', '45.0.0', '45.0.1')).toEqual({ kind: 'rewritten', text: '=45.0.1' });
    expect(rewrite('=45.0.0', '44.0.0', '46.0.0')).toEqual({ kind: 'stale' });
    expect(rewrite('=45.0.0', '45.0.0', '46.0.0')).toEqual({ kind: 'rewritten', text: '=46.0.0' });
    // More requirements than are kept: every answer is still computed right.
    for (let i = 0; i < 1100; i++) expect(rewrite(`=${i}.0.0`, `${i}.0.0`, `${i + 1}.0.0`)).toEqual({ kind: 'rewritten', text: `=${i + 1}.0.0` });
    expect(rewrite('=45.0.0', '45.0.0', '46.0.0')).toEqual({ kind: 'rewritten', text: '=46.0.0' });
  });
});
