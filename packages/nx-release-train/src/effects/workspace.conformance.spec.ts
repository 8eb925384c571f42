/**
 * Conformance with real data: for every fixture `before/` tree, the model's members and
 * edges equal `cargo metadata`'s (recorded in metadata.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from './workspace-fs';

const fixtures = resolve(__dirname, '../../../../fixtures/wasmtime');
const cases = readdirSync(fixtures).filter((c) => existsSync(resolve(fixtures, c, 'before/metadata.json')));

interface MetaDep {
  name: string;
  rename: string | null;
  req: string;
  kind: string | null;
  target: string | null;
  path?: string;
}
interface MetaPkg {
  id: string;
  name: string;
  version: string;
  manifest_path: string;
  publish: string[] | null;
  dependencies: MetaDep[];
}

describe('conformance with cargo metadata', () => {
  it.each(cases)('%s: members, versions, publishable and edges', (name) => {
    const meta = JSON.parse(readFileSync(resolve(fixtures, name, 'before/metadata.json'), 'utf8')) as {
      workspace_members: string[];
      packages: MetaPkg[];
    };
    const ws = loadWorkspace(resolve(fixtures, name, 'before/tree'));
    const members = new Set(meta.workspace_members);
    const pkgs = meta.packages.filter((p) => members.has(p.id));
    expect(pkgs.length).toBe(members.size);

    const rel = (p: string) => p.replace('$WORKSPACE/', '').replace('$WORKSPACE', '.');
    const expectedProjects = pkgs
      .map((p) => ({ name: p.name, version: p.version, publishable: !(Array.isArray(p.publish) && p.publish.length === 0), manifest: rel(p.manifest_path) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const actualProjects = ws.members
      .map((c) => ({ name: c.name, version: c.version, publishable: c.publishable, manifest: c.manifest }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(actualProjects).toEqual(expectedProjects);

    const dirToName = new Map(pkgs.map((p) => [rel(p.manifest_path).replace(/\/?Cargo\.toml$/, '') || '.', p.name]));
    const edge = (s: string, t: string, kind: string | null, target: string | null) => `${s} -> ${t} [${kind ?? 'normal'}${target ? ` ${target}` : ''}]`;
    const expectedEdges = pkgs
      .flatMap((p) =>
        p.dependencies.filter((d) => d.path && dirToName.has(rel(d.path))).map((d) => edge(p.name, dirToName.get(rel(d.path!))!, d.kind, d.target)),
      )
      .sort();
    const actualEdges = ws.members.flatMap((c) => c.deps.map((d) => edge(c.name, d.crate, d.kind === 'normal' ? null : d.kind, d.target))).sort();
    expect(actualEdges).toEqual(expectedEdges);
    expect(ws.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('finds every fixture case that has before/metadata.json', () => {
    expect([...cases].sort()).toEqual(['cut-45', 'patch-46.0.1']);
  });
});
