import { describe, expect, it } from 'vitest';
import { filesFromMap, planBindingEdits } from './plan';

const plan = (files: Record<string, string>, rules: Parameters<typeof planBindingEdits>[0], version = '46.0.0') =>
  planBindingEdits(rules, version, filesFromMap(files));

describe('version-file rule', () => {
  it('replaces the whole version and keeps surrounding whitespace', () => {
    const { edits, problems } = plan({ VERSION: '45.0.0\n' }, [{ kind: 'version-file', file: 'VERSION' }]);
    expect(problems).toEqual([]);
    expect(edits).toEqual([{ file: 'VERSION', before: '45.0.0\n', after: '46.0.0\n' }]);
  });

  it('refuses a file that holds more than a version, and a missing file', () => {
    const { edits, problems } = plan({ VERSION: 'version=45.0.0\n' }, [
      { kind: 'version-file', file: 'VERSION' },
      { kind: 'version-file', file: 'NOPE' },
    ]);
    expect(edits).toEqual([]);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['VERSION', 1],
      ['NOPE', undefined],
    ]);
    expect(problems[1].message).toContain('file not found');
  });
});

describe('pattern rule', () => {
  const script = 'import sys\n\nWASMTIME_VERSION = "v45.0.0"\n\nversion = WASMTIME_VERSION\n';

  it('rewrites the one place the pattern matches, at any current version', () => {
    const { edits } = plan({ 'ci/dl.py': script }, [{ kind: 'pattern', file: 'ci/dl.py', pattern: 'WASMTIME_VERSION = "v{version}"' }]);
    expect(edits[0].after).toBe(script.replace('v45.0.0', 'v46.0.0'));
  });

  it('changes nothing when the file is already at the version', () => {
    const moved = script.replace('v45.0.0', 'v46.0.0');
    expect(plan({ 'ci/dl.py': moved }, [{ kind: 'pattern', file: 'ci/dl.py', pattern: 'WASMTIME_VERSION = "v{version}"' }])).toEqual({
      edits: [],
      problems: [],
    });
  });

  it('reports a pattern matching no place or several places, with their lines', () => {
    const none = plan({ f: script }, [{ kind: 'pattern', file: 'f', pattern: 'OTHER = "{version}"' }]);
    expect(none.problems[0].message).toBe('pattern "OTHER = "{version}"" matches nothing');
    const twice = plan({ f: 'a = 1.2.3\nb = 4.5.6\n' }, [{ kind: 'pattern', file: 'f', pattern: ' = {version}' }]);
    expect(twice.problems[0]).toMatchObject({ file: 'f', line: 2, message: 'pattern " = {version}" matches 2 places (lines 1, 2)' });
  });

  it('matches whole numbers only, and fills {major} {minor} {patch}', () => {
    const header = '#define V_MAJOR 45\n#define V_MAJOR_X 450\n#define V "45.0.0"\n';
    const { edits, problems } = plan(
      { 'v.h': header },
      [
        { kind: 'pattern', file: 'v.h', pattern: '#define V_MAJOR {major}' },
        { kind: 'pattern', file: 'v.h', pattern: '#define V "{major}.{minor}.{patch}"' },
      ],
      '46.1.2',
    );
    expect(problems).toEqual([]);
    expect(edits[0].after).toBe('#define V_MAJOR 46\n#define V_MAJOR_X 450\n#define V "46.1.2"\n');
  });

  it('finds the element of an XML property whatever its attributes', () => {
    const props = `<Project>\n  <PropertyGroup>\n    <WasmtimeVersion Condition="'$(WasmtimeVersion)'==''">45.0.0</WasmtimeVersion>\n  </PropertyGroup>\n</Project>\n`;
    const { edits } = plan({ 'Directory.Build.props': props }, [{ kind: 'pattern', file: 'Directory.Build.props', pattern: '>{version}</WasmtimeVersion>' }]);
    expect(edits[0].after).toBe(props.replace('>45.0.0<', '>46.0.0<'));
  });

  it('refuses a version that is not X.Y.Z before reading any file', () => {
    const { problems } = plan({}, [{ kind: 'version-file', file: 'VERSION' }], '46');
    expect(problems).toEqual([expect.objectContaining({ file: '(version)', fix: 'pass --version=X.Y.Z' })]);
  });
});
