import { describe, expect, it } from 'vitest';
import { filesFromMap, planBindingEdits } from './plan';

const crates = ['engine', 'engine-wasi', 'engine-environ'];
const run = (manifest: string, version = '46.0.0') =>
  planBindingEdits([{ kind: 'cargo-pins', file: 'ext/Cargo.toml', crates }], version, filesFromMap({ 'ext/Cargo.toml': manifest }));

describe('cargo-pins rule', () => {
  it('moves exact pins of the named crates in every form, keeping spacing and other pins', () => {
    const manifest = [
      '[dependencies]',
      'engine = { version = "=45.0.0", features = ["a"] }',
      'engine-wasi = "=45.0.0"',
      'other = "=45.0.0" # not named: stays',
      'rb-sys = { version = "=0.9.111", default-features = false, features = [',
      '  "x",',
      '] }',
      '',
      "[target.'cfg(unix)'.dependencies]",
      'env = { package = "engine-environ", version = "= 45.0.0" }',
      '',
      '[dev-dependencies.engine]',
      'version = "=45.0.0"',
      '',
    ].join('\n');
    const { edits, problems } = run(manifest);
    expect(problems).toEqual([]);
    expect(edits[0].after).toBe(
      manifest
        .replace('version = "=45.0.0", features', 'version = "=46.0.0", features')
        .replace('engine-wasi = "=45.0.0"', 'engine-wasi = "=46.0.0"')
        .replace('"= 45.0.0"', '"= 46.0.0"')
        .replace('version = "=45.0.0"\n', 'version = "=46.0.0"\n'),
    );
    expect(edits[0].after).toContain('other = "=45.0.0"');
    expect(edits[0].after).toContain('rb-sys = { version = "=0.9.111"');
  });

  it('refuses a named crate that is not pinned exactly, and one that is absent', () => {
    const { edits, problems } = run('[dependencies]\nengine = "45.0.0"\nengine-wasi = { version = "^45.0.0" }\n');
    expect(edits).toEqual([]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'engine in [dependencies] is required as "45.0.0", not an exact pin "=X.Y.Z"'],
      [3, 'engine-wasi in [dependencies] is required as "^45.0.0", not an exact pin "=X.Y.Z"'],
      [undefined, 'no dependency on engine-environ'],
    ]);
  });

  it('reports a manifest that is not TOML with its line', () => {
    const { problems } = run('[dependencies]\nengine = { version = "=45.0.0"\n');
    expect(problems[0]).toMatchObject({ file: 'ext/Cargo.toml', level: 'error' });
    expect(problems[0].message).toMatch(/^not valid TOML/);
  });
});
