import { describe, expect, it } from 'vitest';
import { resolveOptions, type VersionLinesOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { PlanError } from './errors';
import { planVersions } from './plan';
import type { BumpKind } from './versions';

/** A wgpu-shaped workspace: an inherited line, one 0.19 line diverged in patch, a 0.110 crate, private crates. */
const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["wgpu", "wgpu-*", "naga", "deno_webgpu", "example-a", "xtask"]\n\n[workspace.package]\nversion = "0.19.3"\n',
  'wgpu/Cargo.toml':
    '[package]\nname = "wgpu"\nversion.workspace = true\n\n[dependencies]\nwgpu-core = { path = "../wgpu-core", version = "0.19.0" }\nnaga = { path = "../naga", version = "0.19" }\n',
  'wgpu-core/Cargo.toml': '[package]\nname = "wgpu-core"\nversion = "0.19.3"\n\n[dependencies]\nwgpu-types = { path = "../wgpu-types", version = "0.19.2" }\n',
  'wgpu-types/Cargo.toml': '[package]\nname = "wgpu-types"\nversion = "0.19.2"\n',
  'naga/Cargo.toml': '[package]\nname = "naga"\nversion = "0.19.2"\n',
  'deno_webgpu/Cargo.toml':
    '[package]\nname = "deno_webgpu"\nversion = "0.110.0"\n\n[dependencies]\nwgpu-core = { path = "../wgpu-core", version = "=0.19.3" }\n',
  'example-a/Cargo.toml': '[package]\nname = "example-a"\nversion = "0.19.2"\npublish = false\n',
  'xtask/Cargo.toml': '[package]\nname = "xtask"\nversion = "0.1.0"\npublish = false\n',
};

function plan(bump: BumpKind, versionLines: Partial<VersionLinesOptions> = {}, files = FILES) {
  const workspace = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });
  // As nx.json gives them: only the settings written, filled by the schema.
  const { options, problems } = resolveOptions({ versionLines });
  expect(problems).toEqual([]);
  return planVersions({ workspace, files, options, bump, date: '2030-01-20' });
}

const moves = (p: ReturnType<typeof plan>) => p.crates.map((c) => `${c.line} ${c.name} ${c.from}->${c.to}`);
const after = (p: ReturnType<typeof plan>, file: string) => p.edits.find((e) => e.file === file)?.after;

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof PlanError) return e.problems.filter((p) => p.level === 'error').map((p) => `${p.file}: ${p.message}`);
    throw e;
  }
  throw new Error('expected a PlanError');
}

describe('version lines from the manifests', () => {
  it('groups inherited crates as the workspace line and literal versions by compatibility line', () => {
    const p = plan('major');
    expect(p.lines.map((l) => [l.line, l.from, l.to, l.crates])).toEqual([
      ['workspace', '0.19.3', '0.20.0', ['wgpu']],
      ['0.19', '0.19.3', '0.20.0', ['wgpu-core', 'wgpu-types', 'naga']],
    ]);
    // deno_webgpu, on its own 0.110 line, is neither followed nor changed since a tag: it stays, said why.
    expect(p.staying).toEqual([
      {
        line: '0.110',
        version: '0.110.0',
        crates: ['deno_webgpu'],
        reason: 'no release tag carries 0.110.0, and versionLines.follow names none of its crates',
      },
    ]);
    expect(p.lines.map((l) => l.reason)).toEqual(["the release's line", "on the release's compatibility line 0.19.x"]);
    // Private crates with a literal version never move by default.
    expect(moves(p).some((m) => /example-a|xtask/.test(m))).toBe(false);
  });

  it('aligns the diverged 0.19 line on a major and rewrites requirements at their precision', () => {
    const p = plan('major');
    expect(moves(p)).toContain('0.19 naga 0.19.2->0.20.0');
    expect(moves(p)).toContain('0.19 wgpu-types 0.19.2->0.20.0');
    expect(after(p, 'wgpu/Cargo.toml')).toBe(FILES['wgpu/Cargo.toml'].replace('"0.19.0"', '"0.20.0"').replace('"0.19" }', '"0.20" }'));
    expect(after(p, 'wgpu-core/Cargo.toml')).toBe(FILES['wgpu-core/Cargo.toml'].replace('"0.19.3"', '"0.20.0"').replace('"0.19.2"', '"0.20.0"'));
  });

  it('moves each crate of a line by one patch on a patch', () => {
    expect(moves(plan('patch'))).toEqual([
      'workspace wgpu 0.19.3->0.19.4',
      '0.19 wgpu-core 0.19.3->0.19.4',
      '0.19 wgpu-types 0.19.2->0.19.3',
      '0.19 naga 0.19.2->0.19.3',
    ]);
    expect(moves(plan('patch', { follow: ['deno_*'] }))).toContain('0.110 deno_webgpu 0.110.0->0.110.1');
  });
});

describe('versionLines settings', () => {
  it('fixed: a crate never moves, and its own requirements still follow the others', () => {
    const p = plan('major', { fixed: ['deno_*'] });
    expect(p.lines.map((l) => l.line)).toEqual(['workspace', '0.19']);
    expect(after(p, 'deno_webgpu/Cargo.toml')).toBe(FILES['deno_webgpu/Cargo.toml'].replace('"=0.19.3"', '"=0.20.0"'));
  });

  it('followWorkspace: literal crates join the workspace line', () => {
    const p = plan('major', { followWorkspace: ['wgpu-core', 'naga'] });
    expect(p.lines.map((l) => [l.line, l.crates])).toEqual([
      ['workspace', ['wgpu', 'wgpu-core', 'naga']],
      ['0.19', ['wgpu-types']],
    ]);
  });

  it('movePrivate: private crates matching the names move with their line', () => {
    const p = plan('patch', { movePrivate: ['example-*'] });
    expect(moves(p)).toContain('0.19 example-a 0.19.2->0.19.3');
    expect(moves(p).some((m) => m.includes('xtask'))).toBe(false);
  });

  it('groups: named lines move together', () => {
    const p = plan('major', { groups: { shaders: ['naga', 'wgpu-types'] } });
    expect(p.lines.map((l) => [l.line, l.from, l.to, l.crates])).toContainEqual(['shaders', '0.19.2', '0.20.0', ['wgpu-types', 'naga']]);
  });

  it('refuses a grouping across compatibility lines, naming the crate and the lines', () => {
    expect(problems(() => plan('major', { groups: { mixed: ['naga', 'deno_webgpu'] } }))).toEqual([
      'deno_webgpu/Cargo.toml: crate deno_webgpu (0.110.0, line 0.110.x) is configured onto line mixed with naga (line 0.19.x); a line moves as one compatibility line',
    ]);
    expect(problems(() => plan('major', { followWorkspace: ['deno_webgpu'] }))).toEqual([
      'deno_webgpu/Cargo.toml: crate deno_webgpu (0.110.0, line 0.110.x) is configured onto line workspace with [workspace.package] (line 0.19.x); a line moves as one compatibility line',
    ]);
  });

  it('refuses a crate in two groups, bad lists and built-in names as group names', () => {
    expect(problems(() => plan('major', { groups: { a: ['naga'], b: ['naga'] } }))).toEqual(['nx.json: crate naga is in groups a and b']);
    // Values the schema refuses on their own, before any workspace is read.
    const refused = (versionLines: unknown) => resolveOptions({ versionLines }).problems.map((p) => p.message);
    expect(refused({ fixed: [''] })).toEqual(['setting "versionLines.fixed[0]" in nx.json plugin options is empty, expected string']);
    expect(refused({ fixd: ['naga'] })).toEqual(['unknown setting "versionLines.fixd" in nx.json plugin options']);
    expect(refused({ groups: ['naga'] })).toEqual(['setting "versionLines.groups" in nx.json plugin options is array, expected object']);
    expect(problems(() => plan('major', { groups: { '4': ['naga'], workspace: [] } }))).toEqual([
      'nx.json: versionLines.groups.4: "4" is a built-in line name',
      'nx.json: versionLines.groups.workspace: "workspace" is a built-in line name',
    ]);
  });
});
