import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './settings/options';
import { branchTarget, parsePatchTarget, selectLines, supportedLines, type LineInfo, type PatchTarget } from './patch-target';
import { releaseBranches } from './release';
import { compatLine } from './release-line';

const branch = (version: string, cutDate: string | null = null): LineInfo => ({
  name: `release-${version}`,
  version,
  major: Number(version.split('.')[0]),
  line: compatLine(version)!,
  cutDate,
});
const line = (major: number, cutDate: string | null = null): LineInfo => branch(`${major}.0.0`, cutDate);
const lines = [line(3, '2026-01-05'), line(4, '2026-02-05'), line(5, '2026-03-05')];
const zeroLines = [branch('0.17.0'), branch('0.18.0'), branch('0.19.0')];
const target = (input: string): PatchTarget => parsePatchTarget(input, DEFAULT_OPTIONS);
const pick = (input: string, all: LineInfo[], force = true) =>
  selectLines(target(input), all, supportedLines(all, DEFAULT_OPTIONS, '2026-04-01'), force).map((l) => l.name);

describe('parsePatchTarget', () => {
  it.each(['4.x', '4', '4.0.0', '4.0.3', 'release-4.0.0', ' 4.x '])('reads %j as a form that names line 4', (input) => {
    expect(pick(input, lines)).toEqual(['release-4.0.0']);
  });

  it('reads latest and supported', () => {
    expect(target('latest')).toEqual({ kind: 'latest' });
    expect(target('supported')).toEqual({ kind: 'supported' });
  });

  it.each(['4.x;rm -rf ~', '$(whoami)', '4.y', 'release-4', '', '-4', '4.0', 'origin/release-4.0.0', 'v4.0.0', '=4.0.0', '0.19.x.x', '01.x'])(
    'refuses %j with the accepted forms',
    (input) => {
      expect(() => target(input)).toThrow(/is not a release line/);
    },
  );

  it('follows a custom branch pattern', () => {
    const options = { ...DEFAULT_OPTIONS, branchPattern: 'stable/v{version}' };
    const all = [
      { ...line(7), name: 'stable/v7.0.0' },
      { ...line(8), name: 'stable/v8.0.0' },
    ];
    expect(selectLines(parsePatchTarget('stable/v7.0.0', options), all, all, false).map((l) => l.name)).toEqual(['stable/v7.0.0']);
    expect(() => parsePatchTarget('release-7.0.0', options)).toThrow(/is not a release line/);
  });
});

describe('0.x release lines', () => {
  it.each([
    ['0.18.x', 'release-0.18.0'],
    ['0.18', 'release-0.18.0'],
    ['0.18.0', 'release-0.18.0'],
    ['0.18.4', 'release-0.18.0'],
    ['release-0.18.0', 'release-0.18.0'],
    ['0.19.x', 'release-0.19.0'],
    ['release-0.19.0', 'release-0.19.0'],
  ])('%s names exactly %s', (input, expected) => {
    expect(pick(input, zeroLines)).toEqual([expected]);
  });

  it('patches the checked-out release branch itself when no target is given', () => {
    const supported = supportedLines(zeroLines, DEFAULT_OPTIONS, '2026-04-01');
    expect(selectLines(branchTarget('release-0.18.0'), zeroLines, supported, false).map((l) => l.name)).toEqual(['release-0.18.0']);
  });

  it('refuses 0 and 0.x when several 0.M lines exist, listing them', () => {
    expect(() => pick('0.x', zeroLines)).toThrow(
      '--target=0.x is ambiguous: it matches 0.17.x (release-0.17.0), 0.18.x (release-0.18.0), 0.19.x (release-0.19.0)',
    );
    expect(() => pick('0', zeroLines)).toThrow(/ambiguous: it matches 0\.17\.x \(release-0\.17\.0\), 0\.18\.x \(release-0\.18\.0\), 0\.19\.x/);
    expect(pick('0.x', [branch('0.19.0')])).toEqual(['release-0.19.0']);
  });

  it('refuses a line or branch that does not exist, listing the existing ones', () => {
    expect(() => pick('0.16.x', zeroLines)).toThrow(
      'there is no 0.16.x release line; existing lines: 0.17.x (release-0.17.0), 0.18.x (release-0.18.0), 0.19.x (release-0.19.0)',
    );
    expect(() => pick('release-0.18.1', zeroLines)).toThrow(/there is no (release-0\.18\.1|1\.x) release line/);
    expect(() => pick('1', zeroLines)).toThrow(/there is no (release-0\.18\.1|1\.x) release line/);
  });

  it('refuses a line with two branches unless the branch or its version is named', () => {
    const all = [branch('4.0.0'), branch('4.1.0'), branch('5.0.0')];
    expect(() => pick('4.x', all)).toThrow('--target=4.x is ambiguous: it matches 4.x (release-4.0.0), 4.x (release-4.1.0)');
    expect(pick('4.1.0', all)).toEqual(['release-4.1.0']);
    expect(pick('release-4.0.0', all)).toEqual(['release-4.0.0']);
    expect(() => pick('4.0.2', all)).toThrow(/ambiguous/);
  });

  it('keeps 0.0.P lines apart', () => {
    const all = [branch('0.0.3'), branch('0.0.4')];
    expect(pick('0.0.3', all)).toEqual(['release-0.0.3']);
    expect(() => pick('0.0', all)).toThrow(/ambiguous/);
  });

  it('counts every 0.M line as a line of its own for support', () => {
    expect(supportedLines(zeroLines, DEFAULT_OPTIONS, '2026-04-01').map((l) => l.name)).toEqual(['release-0.19.0', 'release-0.18.0']);
    expect(() => pick('0.17.x', zeroLines, false)).toThrow('0.17.x is not supported; supported lines: 0.19.x (release-0.19.0), 0.18.x (release-0.18.0)');
  });

  it('puts 0.M lines below 1.x and counts long-term 0.M lines by their minor', () => {
    const all = [branch('0.20.0', '2025-06-05'), branch('0.21.0', '2025-07-05'), branch('1.0.0', '2025-08-05'), branch('2.0.0', '2025-09-05')];
    const options = { ...DEFAULT_OPTIONS, ltsEvery: 10, ltsMonths: 12 };
    expect(supportedLines(all, options, '2026-01-01').map((l) => l.name)).toEqual(['release-2.0.0', 'release-1.0.0', 'release-0.20.0']);
  });

  it('counts a line with two branches once, on its newest branch', () => {
    const all = [branch('4.0.0'), branch('4.1.0'), branch('3.0.0')];
    expect(supportedLines(all, DEFAULT_OPTIONS, '2026-04-01').map((l) => l.name)).toEqual(['release-4.1.0', 'release-3.0.0']);
  });
});

describe('supportedLines', () => {
  it('keeps the newest N', () => {
    expect(supportedLines(lines, DEFAULT_OPTIONS, '2026-04-01').map((l) => l.major)).toEqual([5, 4]);
    expect(supportedLines(lines, { ...DEFAULT_OPTIONS, supportedLines: 1 }, '2026-04-01').map((l) => l.major)).toEqual([5]);
  });

  it('adds long-term lines while they are young enough', () => {
    const all = [line(10, '2025-06-05'), line(11, '2025-07-05'), line(12, '2025-08-05'), line(13, '2025-09-05')];
    const options = { ...DEFAULT_OPTIONS, ltsEvery: 5, ltsMonths: 12 };
    expect(supportedLines(all, options, '2026-06-04').map((l) => l.major)).toEqual([13, 12, 10]);
    expect(supportedLines(all, options, '2026-06-05').map((l) => l.major)).toEqual([13, 12]);
  });
});

describe('selectLines', () => {
  const supported = supportedLines(lines, DEFAULT_OPTIONS, '2026-04-01');
  it('selects a supported line', () => {
    expect(selectLines(target('4.x'), lines, supported, false).map((l) => l.name)).toEqual(['release-4.0.0']);
  });
  it('refuses an unsupported line, listing the supported ones, unless forced', () => {
    expect(() => selectLines(target('3'), lines, supported, false)).toThrow('3.x is not supported; supported lines: 5.x (release-5.0.0), 4.x (release-4.0.0)');
    expect(selectLines(target('3'), lines, supported, true)).toHaveLength(1);
  });
  it('refuses an unknown line, listing the existing ones', () => {
    expect(() => selectLines(target('9.x'), lines, supported, true)).toThrow(
      'there is no 9.x release line; existing lines: 3.x (release-3.0.0), 4.x (release-4.0.0), 5.x (release-5.0.0)',
    );
  });
  it('selects every supported line, and the newest for latest', () => {
    expect(selectLines({ kind: 'supported' }, lines, supported, false).map((l) => l.major)).toEqual([5, 4]);
    expect(selectLines({ kind: 'latest' }, lines, supported, false).map((l) => l.major)).toEqual([5]);
  });
});

describe('minor lines (release-major --bump=minor): each minor release is its own line', () => {
  const minors = releaseBranches(['release-1.255.0', 'release-1.256.0', 'release-1.257.0'], DEFAULT_OPTIONS).map((b) => ({ ...b, cutDate: null }));
  it('counts each minor for support and patches the one named', () => {
    expect(supportedLines(minors, DEFAULT_OPTIONS, '2026-04-01').map((l) => l.name)).toEqual(['release-1.257.0', 'release-1.256.0']);
    expect(pick('supported', minors)).toEqual(['release-1.257.0', 'release-1.256.0']);
    expect(pick('1.256.x', minors, false)).toEqual(['release-1.256.0']);
    expect(pick('1.256.3', minors, false)).toEqual(['release-1.256.0']);
    expect(() => pick('1.255.x', minors, false)).toThrow('1.255.x is not supported; supported lines: 1.257.x (release-1.257.0), 1.256.x (release-1.256.0)');
  });
  it('refuses 1.x, which names several minor lines, listing them', () => {
    expect(() => pick('1.x', minors)).toThrow(
      '--target=1.x is ambiguous: it matches 1.257.x (release-1.257.0), 1.256.x (release-1.256.0), 1.255.x (release-1.255.0)',
    );
    expect(() => pick('1.x', minors)).toThrow(expect.objectContaining({ fix: expect.stringContaining('--target=1.257.x') }));
  });
  it('keeps N.x for a major line, and names it N.0.x too', () => {
    const majors = releaseBranches(['release-4.0.0', 'release-5.0.0'], DEFAULT_OPTIONS).map((b) => ({ ...b, cutDate: null }));
    expect(pick('4.x', majors)).toEqual(['release-4.0.0']);
    expect(pick('4.0.x', majors)).toEqual(['release-4.0.0']);
    expect(() => pick('4.1.x', majors)).toThrow('there is no 4.1.x release line');
  });
});
