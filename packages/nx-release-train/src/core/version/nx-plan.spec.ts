/** Edits for the versions `nx release` chose: the same bytes as the train's plan for the same moves. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { PlanError } from './errors';
import { planMoves } from './nx-plan';
import { planVersions } from './plan';

const options: ReleaseTrainOptions = {
  ...DEFAULT_OPTIONS,
  releaseNotes: 'off',
  versionFiles: [{ file: 'v.h', patterns: ['VERSION "{version}"', 'MAJOR {major}'] }],
  // The cl line moves with every release (as Cranelift with Wasmtime).
  versionLines: { ...DEFAULT_OPTIONS.versionLines, follow: ['cl'] },
};

const files: Record<string, string> = {
  'Cargo.toml': [
    '[workspace]',
    'members = ["a", "b", "cl", "tools"]',
    '',
    '[workspace.package]',
    'version = "5.0.0" # the release',
    '',
    '[workspace.dependencies]',
    '# public: caret',
    'a = { path = \'a\', version = "5.0.0" }',
    'b = { path = "b", version = "=5.0.0", package = "b-internal" }',
    'cl = { path = "cl", version = "0.92.0" }',
    '',
  ].join('\n'),
  'a/Cargo.toml': '[package]\nname = "a"\nversion.workspace = true\n\n[dependencies]\nb.workspace = true\ncl = { workspace = true } # codegen\n',
  'b/Cargo.toml': '[package]\nname = "b-internal"\nversion.workspace = true\n',
  'cl/Cargo.toml': '[package]\nname = "cl"\nversion = "0.92.0"   # cranelift line\n',
  'tools/Cargo.toml': '[package]\nname = "tools"\nversion = "0.0.0"\npublish = false\n\n[dependencies]\na = { path = "../a", version = "5.0.0" }\n',
  'Cargo.lock':
    'version = 4\n\n[[package]]\nname = "a"\nversion = "5.0.0"\n\n[[package]]\nname = "b-internal"\nversion = "5.0.0"\n\n[[package]]\nname = "cl"\nversion = "0.92.0"\n\n[[package]]\nname = "tools"\nversion = "0.0.0"\n',
  'v.h': 'VERSION "5.0.0"\nMAJOR 5\n',
};

const workspace = buildWorkspace({ manifests: Object.keys(files).filter((f) => f.endsWith('Cargo.toml')), read: (p) => files[p] ?? null });
const texts = new Map(Object.entries(files));
const moves = (versions: Record<string, string>) => planMoves({ workspace, files: texts, options, versions: new Map(Object.entries(versions)) });
const afterOf = (edits: Array<{ file: string; after: string }>) => Object.fromEntries(edits.map((e) => [e.file, e.after]));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanError) return e.problems.map((p) => `${p.file} ${p.message}`);
    throw e;
  }
  throw new Error('expected a PlanError');
}

describe('planMoves', () => {
  it('writes exactly what the cut writes for the versions of the cut', () => {
    const cut = planVersions({ workspace, files: texts, options, bump: 'major' });
    const nx = moves({ a: '6.0.0', 'b-internal': '6.0.0', cl: '0.93.0' });
    expect(afterOf(nx.edits)).toEqual(afterOf(cut.edits));
    expect(nx.edits.map((e) => e.file)).toEqual(['Cargo.lock', 'Cargo.toml', 'cl/Cargo.toml', 'tools/Cargo.toml', 'v.h']);
  });

  it('moves the workspace version once, requirements in [workspace.dependencies], comments kept', () => {
    const root = afterOf(moves({ a: '6.0.0', 'b-internal': '6.0.0' }).edits)['Cargo.toml'];
    expect(root).toContain('version = "6.0.0" # the release');
    expect(root).toContain('a = { path = \'a\', version = "6.0.0" }');
    expect(root).toContain('b = { path = "b", version = "=6.0.0", package = "b-internal" }');
    expect(root).toContain('cl = { path = "cl", version = "0.92.0" }');
    expect(root.split('6.0.0').length - 1).toBe(3);
  });

  it('a line moved alone leaves the version files, and the other line, alone', () => {
    const edits = afterOf(moves({ cl: '0.93.0' }).edits);
    expect(Object.keys(edits)).toEqual(['Cargo.lock', 'Cargo.toml', 'cl/Cargo.toml']);
    expect(edits['cl/Cargo.toml']).toBe('[package]\nname = "cl"\nversion = "0.93.0"   # cranelift line\n');
  });

  it('refuses a line given two versions, and a crate that never moves', () => {
    expect(problemsOf(() => moves({ a: '6.0.0', 'b-internal': '7.0.0' }))).toEqual([
      'nx.json the crates of version line workspace were given different versions (a 6.0.0, b-internal 7.0.0); a line moves together',
    ]);
    expect(problemsOf(() => moves({ tools: '1.0.0' }))[0]).toBe(
      'tools/Cargo.toml crate tools never moves (publish = false with a literal version), but nx release versioned it',
    );
  });

  it('nothing chosen, nothing edited', () => {
    expect(moves({}).edits).toEqual([]);
  });
});
