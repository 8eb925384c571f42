import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../core/workspace';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { edgesOf, projectEdges } from './dependencies';
import { projectsFor } from './nodes';

const files: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["a", "b", "c"]\n[workspace.package]\nversion = "3.0.0"\n',
  'a/Cargo.toml':
    '[package]\nname = "a"\nversion.workspace = true\n[dependencies]\nb = { path = "../b", version = "=3.0.0" }\n[dev-dependencies]\nc = { path = "../c" }\n',
  'b/Cargo.toml': '[package]\nname = "b"\nversion.workspace = true\n[dev-dependencies]\na = { path = "../a" }\nc = { path = "../c", version = "0.1.0" }\n',
  'c/Cargo.toml':
    '[package]\nname = "c"\nversion = "0.1.0"\n[build-dependencies]\nb = { path = "../b", version = "3.0.0" }\n[target.\'cfg(unix)\'.dependencies]\nb = { path = "../b", version = "3.0.0" }\n',
};
const ws = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });

describe('graph adapter', () => {
  it('makes one project per member, named after the crate and rooted at its directory', () => {
    const projects = projectsFor(ws, DEFAULT_OPTIONS);
    expect(Object.keys(projects).sort()).toEqual(['.', 'a', 'b', 'c']);
    expect(projects.a).toMatchObject({ name: 'a', root: 'a', tags: ['cargo', 'publishable', 'version-line:workspace'] });
    expect(projects.c.metadata).toMatchObject({ cargo: { version: '0.1.0', versionLine: '0.1', publishable: true, manifest: 'c/Cargo.toml' } });
    // A virtual root manifest still gets a project for the root targets.
    expect(projects['.']).toMatchObject({ name: 'cargo-workspace', root: '.' });
  });

  it('tags version lines as the release commands see them, versionLines settings applied', () => {
    const fixed = projectsFor(ws, { ...DEFAULT_OPTIONS, versionLines: { ...DEFAULT_OPTIONS.versionLines, fixed: ['c'] } });
    expect(fixed.c.tags).toEqual(['cargo', 'publishable']);
    expect(fixed.c.metadata).toMatchObject({ cargo: { versionLine: null } });
    const grouped = projectsFor(ws, { ...DEFAULT_OPTIONS, versionLines: { ...DEFAULT_OPTIONS.versionLines, groups: { tools: ['c'] } } });
    expect(grouped.c.tags).toContain('version-line:tools');
  });

  it('keeps path-only dev-dependencies out of the edges, so dev cycles never order anything', () => {
    const edges = edgesOf(ws)
      .map((e) => `${e.source}->${e.target}`)
      .sort();
    // a->c is path-only dev: no edge. b->a is path-only dev: no edge (it would be a cycle).
    // b->c dev with a version constrains publishing; c->b build and target deps dedupe to one edge.
    expect(edges).toEqual(['a->b', 'b->c', 'c->b']);
    expect(edgesOf(ws).every((e) => e.type === 'static' && e.sourceFile?.endsWith('Cargo.toml'))).toBe(true);
  });

  it('records every dev-dependency in metadata', () => {
    const projects = projectsFor(ws, DEFAULT_OPTIONS);
    expect(projects.b.metadata).toMatchObject({ cargo: { devDependencies: ['a', 'c'] } });
  });

  it('puts edges on the project rooted at each crate, however a project.json renamed it', () => {
    // Crate `b` renamed to `b-crate` (Nx's fix when a package.json project is also called `b`).
    const projects = { a: { root: 'a' }, 'b-crate': { root: 'b' }, c: { root: 'c' }, b: { root: 'js/b' } };
    const edges = projectEdges(ws, projects)
      .map((e) => `${e.source}->${e.target}`)
      .sort();
    expect(edges).toEqual(['a->b-crate', 'b-crate->c', 'c->b-crate']);
    // A crate with no project of its own (a linked member) has no edges.
    expect(projectEdges(ws, { a: { root: 'a' }, c: { root: 'c' } })).toEqual([]);
  });
});
