import { describe, expect, it } from 'vitest';
import { indexLines, keyOf, lineBelow, lineOf } from './toml-lines';

describe('the line of a key', () => {
  const text = [
    '[package]', // 1
    'name = "a"', // 2
    'version.workspace = true', // 3
    'description = """', // 4
    'name = "inside a string"', // 5
    '"""', // 6
    '', // 7
    '[dependencies]', // 8
    '  b = { path = "../b" }\r', // 9
    '"c.d" = "1"', // 10
    'b = "again"', // 11
    "[target.'cfg(unix)'.dependencies]", // 12
    'e.path = "../e"', // 13
    '[dev-dependencies.f]', // 14
    'path = "../f"', // 15
    '\f g = "1"', // 16
  ].join('\n');
  const index = indexLines(text);

  it('finds plain, dotted and quoted keys, each at its first line, below their table', () => {
    expect(lineOf(index, ['package'])).toBe(1);
    expect(lineOf(index, ['package', 'name'])).toBe(2);
    expect(lineOf(index, ['package', 'version'])).toBe(3);
    expect(lineOf(index, ['package', 'version', 'workspace'])).toBe(3);
    expect(lineBelow(index, 'dependencies', 'b')).toBe(9);
    expect(lineBelow(index, 'dependencies', 'c.d')).toBe(10);
    expect(lineBelow(index, keyOf(['target', 'cfg(unix)', 'dependencies']), 'e')).toBe(13);
    expect(lineOf(index, ['target', 'cfg(unix)'])).toBe(12);
    expect(lineBelow(index, 'dev-dependencies', 'f')).toBe(14);
    expect(lineOf(index, ['dev-dependencies', 'f', 'path'])).toBe(15);
  });

  it('skips multi-line strings, reads a line after other white space as trimmed, and knows no key it was not given', () => {
    expect(lineOf(index, ['package', 'description'])).toBe(4);
    expect(lineBelow(index, 'dev-dependencies', 'name')).toBeUndefined();
    expect(lineOf(index, ['dev-dependencies', 'f', 'g'])).toBe(16);
    expect(lineOf(index, ['workspace'])).toBeUndefined();
    expect(lineOf(index, [])).toBeUndefined();
  });
});
