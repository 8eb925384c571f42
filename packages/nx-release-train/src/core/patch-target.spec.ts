import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './options';
import { parsePatchTarget, selectLines, supportedLines, type LineInfo } from './patch-target';

const line = (major: number, cutDate: string | null = null): LineInfo => ({ name: `release-${major}.0.0`, version: `${major}.0.0`, major, cutDate });
const lines = [line(3, '2026-01-05'), line(4, '2026-02-05'), line(5, '2026-03-05')];

describe('parsePatchTarget', () => {
  it.each(['4.x', '4', '4.0.0', '4.0.3', 'release-4.0.0', ' 4.x '])('reads %j as line 4', (input) => {
    expect(parsePatchTarget(input, DEFAULT_OPTIONS)).toEqual({ kind: 'major', major: 4 });
  });

  it('reads latest and supported', () => {
    expect(parsePatchTarget('latest', DEFAULT_OPTIONS)).toEqual({ kind: 'latest' });
    expect(parsePatchTarget('supported', DEFAULT_OPTIONS)).toEqual({ kind: 'supported' });
  });

  it.each(['4.x;rm -rf ~', '$(whoami)', '4.y', 'release-4', '', '-4', '4.0', 'origin/release-4.0.0'])('refuses %j with the accepted forms', (input) => {
    expect(() => parsePatchTarget(input, DEFAULT_OPTIONS)).toThrow(/is not a release line/);
  });

  it('follows a custom branch pattern', () => {
    const options = { ...DEFAULT_OPTIONS, branchPattern: 'stable/v{version}' };
    expect(parsePatchTarget('stable/v7.0.0', options)).toEqual({ kind: 'major', major: 7 });
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
    expect(selectLines({ kind: 'major', major: 4 }, lines, supported, false).map((l) => l.name)).toEqual(['release-4.0.0']);
  });
  it('refuses an unsupported line, listing the supported ones, unless forced', () => {
    expect(() => selectLines({ kind: 'major', major: 3 }, lines, supported, false)).toThrow('3.x is not supported; supported lines: 5.x (release-5.0.0), 4.x (release-4.0.0)');
    expect(selectLines({ kind: 'major', major: 3 }, lines, supported, true)).toHaveLength(1);
  });
  it('refuses an unknown line, listing the existing ones', () => {
    expect(() => selectLines({ kind: 'major', major: 9 }, lines, supported, true)).toThrow('there is no 9.x release line; existing lines: 3.x (release-3.0.0), 4.x (release-4.0.0), 5.x (release-5.0.0)');
  });
  it('selects every supported line, and the newest for latest', () => {
    expect(selectLines({ kind: 'supported' }, lines, supported, false).map((l) => l.major)).toEqual([5, 4]);
    expect(selectLines({ kind: 'latest' }, lines, supported, false).map((l) => l.major)).toEqual([5]);
  });
});
