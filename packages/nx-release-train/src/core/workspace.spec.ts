import { describe, expect, it } from 'vitest';
import { buildWorkspace } from './workspace';

function tree(files: Record<string, string>) {
  return buildWorkspace({
    manifests: Object.keys(files).filter((f) => f.endsWith('Cargo.toml')),
    read: (p) => files[p] ?? null,
  });
}

const ROOT = `
[package]
name = "app"
version.workspace = true

[workspace]
members = ["crates/*", "tools/gen"]
exclude = ["crates/skipped"]

[workspace.package]
version = "7.1.0"

[workspace.dependencies]
core-alias = { path = "crates/core", version = "=7.1.0", package = 'my-core' }
lib = { path = "crates/lib", version = "7.1.0" }

[dependencies]
lib = { workspace = true }

[target.'cfg(unix)'.dependencies]
core-alias.workspace = true
`;

const base: Record<string, string> = {
  'Cargo.toml': ROOT,
  'crates/core/Cargo.toml': '[package]\nname = "my-core"\nversion.workspace = true\n\n[dev-dependencies]\nlib = { path = "../lib" }\n',
  'crates/lib/Cargo.toml':
    '[package]\nname = "lib"\nversion = { workspace = true }\n[dependencies]\ncore-alias = { workspace = true }\nhidden = { path = "../../hidden", version = "0.3.0" }\n[build-dependencies]\nzero = { path = "../../zero/x", version = "=0.4.1" }\n',
  'crates/skipped/Cargo.toml': '[package]\nname = "skipped"\nversion = "1.0.0"\n',
  'tools/gen/Cargo.toml': '[package]\nname = "gen"\nversion = "0.0.0"\npublish = false\n',
  'hidden/Cargo.toml': '[package]\nname = "hidden"\nversion = "0.3.0"\n',
  'zero/x/Cargo.toml': '[package]\nname = "zero"\nversion = "0.4.1"\npublish = []\n',
  'fuzz/Cargo.toml': '[package]\nname = "fuzz"\nversion = "0.0.0"\n[workspace]\nmembers = ["."]\n',
};

describe('buildWorkspace', () => {
  it('takes members from globs, implicit path dependencies and the root package, minus exclude', () => {
    const ws = tree(base);
    expect(ws.rootManifest).toBe('Cargo.toml');
    expect(ws.members.map((c) => c.name).sort()).toEqual(['app', 'gen', 'hidden', 'lib', 'my-core', 'zero']);
    expect(ws.diagnostics).toEqual([]);
  });

  it("exclude does not reach inside an explicit member (Cargo's is_excluded): its path dependency there stays a member", () => {
    const pkg = (name: string, deps = '') => `[package]\nname = "${name}"\nversion = "0.1.0"\n${deps}`;
    const ws = tree({
      'Cargo.toml': '[workspace]\nmembers = ["app", "libs/*"]\nexclude = ["app/inner", "lone", "libs/skip"]\n',
      'app/Cargo.toml': pkg('app', '[dependencies]\ninner = { path = "inner" }\nlone = { path = "../lone" }\n'),
      'app/inner/Cargo.toml': pkg('inner'),
      'lone/Cargo.toml': pkg('lone'),
      'libs/a/Cargo.toml': pkg('a', '[dependencies]\nskip = { path = "../skip" }\n'),
      'libs/skip/Cargo.toml': pkg('skip'),
    });
    // A glob member is taken literally by the rule, so libs/skip stays excluded.
    expect(ws.members.map((c) => c.name).sort()).toEqual(['a', 'app', 'inner']);
  });

  it('reads versions, publishability and version lines', () => {
    const ws = tree(base);
    const get = (n: string) => ws.members.find((c) => c.name === n)!;
    expect(get('lib')).toMatchObject({ version: '7.1.0', versionFrom: 'workspace', publishable: true, line: 'workspace', dir: 'crates/lib' });
    expect(get('hidden')).toMatchObject({ version: '0.3.0', versionFrom: 'literal', line: '0.3' });
    expect(get('gen')).toMatchObject({ publishable: false, line: null });
    expect(get('zero')).toMatchObject({ publishable: false, line: null });
    expect(get('app')).toMatchObject({ dir: '.', manifest: 'Cargo.toml', line: 'workspace' });
  });

  it('resolves workspace = true and package renames into edges with kind, target and line', () => {
    const ws = tree(base);
    const app = ws.members.find((c) => c.name === 'app')!;
    expect(app.deps).toEqual([
      { key: 'lib', crate: 'lib', kind: 'normal', target: null, req: '7.1.0', optional: false, inherited: true, file: 'Cargo.toml', line: 18 },
      {
        key: 'core-alias',
        crate: 'my-core',
        kind: 'normal',
        target: 'cfg(unix)',
        req: '=7.1.0',
        optional: false,
        inherited: true,
        file: 'Cargo.toml',
        line: 21,
      },
    ]);
    const lib = ws.members.find((c) => c.name === 'lib')!;
    expect(lib.deps.map((d) => [d.crate, d.kind, d.req])).toEqual([
      ['my-core', 'normal', '=7.1.0'],
      ['hidden', 'normal', '0.3.0'],
      ['zero', 'build', '=0.4.1'],
    ]);
    const core = ws.members.find((c) => c.name === 'my-core')!;
    expect(core.deps).toMatchObject([{ crate: 'lib', kind: 'dev', req: null }]);
  });

  it('reports a malformed manifest with its line and keeps the rest', () => {
    const ws = tree({ ...base, 'tools/gen/Cargo.toml': '[package]\nname = "gen"\nversion = \n' });
    expect(ws.members.map((c) => c.name)).not.toContain('gen');
    expect(ws.members.length).toBe(5);
    expect(ws.diagnostics).toHaveLength(1);
    expect(ws.diagnostics[0]).toMatchObject({ level: 'error', file: 'tools/gen/Cargo.toml', line: 3 });
    expect(ws.diagnostics[0].message).toMatch(/not valid TOML/);
  });

  it('reports a member glob that matches nothing', () => {
    const ws = tree({ ...base, 'Cargo.toml': ROOT.replace('"tools/gen"', '"tools/gen", "plugins/*"') });
    expect(ws.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', file: 'Cargo.toml', line: 7, message: expect.stringContaining('"plugins/*" matches no directory') }),
    ]);
    expect(ws.members.length).toBe(6);
  });

  it('reports a path dependency to a missing manifest, naming file, line and fix', () => {
    const files = { ...base, 'crates/core/Cargo.toml': base['crates/core/Cargo.toml'] + '[dependencies]\ngone = { path = "../gone" }\n' };
    const ws = tree(files);
    expect(ws.diagnostics).toEqual([
      expect.objectContaining({ file: 'crates/core/Cargo.toml', line: 8, message: expect.stringContaining('crates/gone, which has no Cargo.toml') }),
    ]);
    expect(ws.diagnostics[0].fix).toMatch(/path/);
    expect(ws.members.length).toBe(6);
  });

  it('reports two members with one crate name once and keeps the first', () => {
    const ws = tree({ ...base, 'crates/other/Cargo.toml': '[package]\nname = "lib"\nversion = "1.0.0"\n' });
    expect(ws.diagnostics).toHaveLength(1);
    expect(ws.diagnostics[0]).toMatchObject({ file: 'crates/other/Cargo.toml', line: 2 });
    expect(ws.diagnostics[0].message).toContain('crates/lib/Cargo.toml and crates/other/Cargo.toml');
    expect(ws.members.filter((c) => c.name === 'lib').map((c) => c.dir)).toEqual(['crates/lib']);
  });

  it('says so when no manifest declares a workspace', () => {
    const ws = tree({ 'Cargo.toml': '[package]\nname = "solo"\nversion = "1.0.0"\n' });
    expect(ws.members).toEqual([]);
    expect(ws.diagnostics[0].message).toMatch(/no Cargo.toml with a \[workspace\]/);
  });

  it('handles dotted tables, quoted keys and [dependencies.x] table form', () => {
    const ws = tree({
      'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n',
      'a/Cargo.toml':
        '[package]\nname = "a"\nversion = "2.0.0"\n\n[dependencies.b]\npath = "../b"\nversion = "^2.0.0"\n\n[target."cfg(windows)".build-dependencies]\n"b" = { path = "../b", version = "2.0.0" }\n',
      'b/Cargo.toml': '[package]\nname = "b"\nversion = "2.0.0"\n',
    });
    const a = ws.members.find((c) => c.name === 'a')!;
    expect(a.deps.map((d) => [d.crate, d.kind, d.target, d.req, d.line])).toEqual([
      ['b', 'normal', null, '^2.0.0', 5],
      ['b', 'build', 'cfg(windows)', '2.0.0', 10],
    ]);
    expect(a.line).toBe('2');
  });

  it('never counts a virtual root as a member of its own glob', () => {
    const files: Record<string, string> = { 'Cargo.toml': '[workspace]\nmembers = ["*"]\n', 'a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\n' };
    const ws = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });
    expect(ws.members.map((c) => c.dir)).toEqual(['a']);
    expect(ws.diagnostics).toEqual([]);
  });
});
