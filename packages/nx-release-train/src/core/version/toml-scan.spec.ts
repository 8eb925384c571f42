import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { findEntry, lineAt, lineStarts, scanToml, TomlScanError, type TomlEntry } from './toml-scan';

const strings = (text: string) =>
  scanToml(text)
    .entries.filter((e) => e.kind === 'string')
    .map((e) => `${e.path.join(' / ')} = ${e.value} @${e.line}`);

/** The value text at an entry's offsets must be exactly what the source holds. */
const raw = (text: string, e: TomlEntry) => text.slice(e.start, e.end);

describe('scanToml', () => {
  it('gives full key paths for headers, dotted keys, inline tables and quoted keys', () => {
    const text = [
      '[package]',
      'name = "demo"',
      'version.workspace = true',
      '',
      "[target.'cfg(unix)'.dependencies]",
      `core = { path = "../core", version = "=1.0.0", package = 'my-core' }`,
      '"quoted key" . inner = "x"',
      '',
      '[dependencies.table-form]',
      "version = '^2.0.0'",
    ].join('\n');
    expect(strings(text)).toEqual([
      'package / name = demo @2',
      'target / cfg(unix) / dependencies / core / path = ../core @6',
      'target / cfg(unix) / dependencies / core / version = =1.0.0 @6',
      'target / cfg(unix) / dependencies / core / package = my-core @6',
      'target / cfg(unix) / dependencies / quoted key / inner = x @7',
      'dependencies / table-form / version = ^2.0.0 @10',
    ]);
    const scan = scanToml(text);
    expect(findEntry(scan, ['package', 'version', 'workspace'])).toMatchObject({ kind: 'scalar', value: 'true', line: 3 });
    expect(findEntry(scan, ['target', 'cfg(unix)', 'dependencies', 'core'])).toMatchObject({ kind: 'inline-table', line: 6 });
  });

  it('reports exact offsets of the value and of the string content, in both quote styles', () => {
    const text = `a   =    "1.2.3"   # trailing comment\nb='x y'\n`;
    const [a, b] = scanToml(text).entries;
    expect(raw(text, a)).toBe('"1.2.3"');
    expect(text.slice(a.innerStart, a.innerEnd)).toBe('1.2.3');
    expect(a.quote).toBe('"');
    expect(raw(text, b)).toBe("'x y'");
    expect(b).toMatchObject({ quote: "'", value: 'x y', line: 2 });
  });

  it('skips multi-line strings, arrays across lines and comments without seeing keys inside them', () => {
    const text = [
      'doc = """',
      'version = "not a key"',
      '[not.a.table]',
      '"""',
      "lit = '''",
      "x = 'y' ''''",
      'list = [',
      '  "a", # version = "no"',
      '  { version = "in array" },',
      '  [1, 2],',
      ']',
      'after = "yes" # done',
    ].join('\r\n');
    const scan = scanToml(text);
    expect(scan.headers).toEqual([]);
    expect(scan.entries.map((e) => [e.path.join('.'), e.kind, e.line])).toEqual([
      ['doc', 'string', 1],
      ['lit', 'string', 5],
      ['list', 'array', 7],
      ['after', 'string', 12],
    ]);
    expect(scan.entries[0].value).toBe('version = "not a key"\r\n[not.a.table]\r\n');
    expect(scan.entries[1].value).toBe("x = 'y' '");
    expect(raw(text, scan.entries[2])).toMatch(/^\[[\s\S]*\]$/);
  });

  it('decodes escapes in basic strings and keeps literal strings raw', () => {
    const text = 'a = "tab\\there \\u00e9 \\"q\\""\nb = \'c:\\path\'\nc = """\\\n   joined"""\n';
    const [a, b, c] = scanToml(text).entries;
    expect(a.value).toBe('tab\there é "q"');
    expect(b.value).toBe('c:\\path');
    expect(c.value).toBe('joined');
  });

  it('records array-of-tables headers so repeated tables can be told apart', () => {
    const text = '[[package]]\nname = "a"\n\n[[package]]\nname = "b"\nsource = "registry"\n';
    const scan = scanToml(text);
    expect(scan.headers.map((h) => [h.path.join('.'), h.array, h.line])).toEqual([
      ['package', true, 1],
      ['package', true, 4],
    ]);
    expect(scan.entries.map((e) => [e.header, e.value])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [1, 'registry'],
    ]);
  });

  it('reads dates, numbers and booleans as scalars', () => {
    const text = 'd = 1979-05-27 07:32:00\nn = +1_000\nf = -inf\nt = true\n';
    expect(scanToml(text).entries.map((e) => e.value)).toEqual(['1979-05-27 07:32:00', '+1_000', '-inf', 'true']);
  });

  it.each([
    ['a = "open', 1, 'unterminated string'],
    ['a = 1\nb = """\nnever closed', 2, 'unterminated multi-line string'],
    ['[table\nx = 1', 1, "expected ']'"],
    ['a = 1 b = 2', 1, 'expected the end of the line'],
    ['x = { a = 1 b = 2 }', 1, "expected ',' or '}'"],
    ['= 3', 1, 'expected a key'],
    ['a = "\\q"', 1, 'unknown escape'],
    // An array element's value is never built, but its escapes are still checked.
    ['a = 1\nb = [\n  "ok",\n  "bad \\q",\n]', 4, 'unknown escape'],
    ["a = ['ok', 'no newline\n']", 1, 'newline in a single-line string'],
  ])('refuses malformed input %j with its line', (text, line, message) => {
    let error: unknown;
    try {
      scanToml(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TomlScanError);
    expect((error as TomlScanError).line).toBe(line);
    expect((error as TomlScanError).message).toContain(message);
  });
});

// Cross-check with a real parser: every string the scanner finds sits at the path the parser
// gives it, with the same value, on every TOML file of the fixtures.
const fixtures = resolve(__dirname, '../../../../../fixtures/wasmtime');

function tomlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tomlFiles(full));
    else if (name.endsWith('.toml') || name === 'Cargo.lock') out.push(full);
  }
  return out;
}

function at(data: unknown, path: string[]): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

describe('scanToml on every fixture TOML file', () => {
  it('gives every header and value the line a search of the line starts gives', () => {
    for (const file of tomlFiles(resolve(fixtures, 'cut-45/before/tree'))) {
      const text = readFileSync(file, 'utf8');
      const starts = lineStarts(text);
      const scan = scanToml(text);
      expect(scan.entries.map((e) => e.line)).toEqual(scan.entries.map((e) => lineAt(starts, e.start)));
      const headerLines = scan.headers.map((h) => h.line);
      expect(headerLines.every((l, i) => i === 0 || l > headerLines[i - 1])).toBe(true);
    }
    // Many values on one line, then lines ending in CRLF.
    const text = 'a = { b = 1, c = "2", d = [3], e = { f = 4 } }\r\n\r\n[t]\r\ng = 5\r\n';
    expect(scanToml(text).entries.map((e) => [e.path.join('.'), e.line])).toEqual([
      ['a', 1],
      ['a.b', 1],
      ['a.c', 1],
      ['a.d', 1],
      ['a.e', 1],
      ['a.e.f', 1],
      ['t.g', 4],
    ]);
    expect(scanToml(text).headers[0].line).toBe(3);
  });

  it('agrees with smol-toml on every string value outside arrays of tables', () => {
    const files = tomlFiles(resolve(fixtures, 'cut-45/before/tree'));
    expect(files.length).toBeGreaterThan(90);
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const data = parse(text);
      const scan = scanToml(text);
      for (const e of scan.entries) {
        if (e.kind !== 'string' || (e.header >= 0 && scan.headers[e.header].array)) continue;
        expect(at(data, e.path), `${file}:${e.line} ${e.path.join('.')}`).toBe(e.value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('finds every [[package]] of Cargo.lock with its name and version', () => {
    const text = readFileSync(resolve(fixtures, 'cut-45/before/tree/Cargo.lock'), 'utf8');
    const data = parse(text) as { package: Array<{ name: string; version: string }> };
    const scan = scanToml(text);
    const names = scan.entries.filter((e) => e.path.join('.') === 'package.name').map((e) => e.value);
    const versions = scan.entries.filter((e) => e.path.join('.') === 'package.version').map((e) => e.value);
    expect(names).toEqual(data.package.map((p) => p.name));
    expect(versions).toEqual(data.package.map((p) => p.version));
  });
});
