/**
 * The graph through the real nx CLI: the example's projects and edges, bad manifests that
 * never break Nx, init's idempotency, and `npm run try-on` on a copy of a real fixture.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleRoot, fixturesRoot, makeWorkspace, NX_ENV, repoRoot, type TempWorkspace } from './support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function workspace(...args: Parameters<typeof makeWorkspace>): TempWorkspace {
  const ws = makeWorkspace(...args);
  cleanups.push(ws.cleanup);
  return ws;
}

function graphOf(ws: TempWorkspace) {
  const out = join(ws.dir, 'graph.json');
  const run = ws.nx(['graph', `--file=${out}`]);
  expect(run.status, run.stderr + run.stdout).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')).graph as {
    nodes: Record<string, { data: { root: string; tags: string[] } }>;
    dependencies: Record<string, Array<{ target: string }>>;
  };
}

describe('graph of the bundled example', () => {
  it('has a project per member and edges for normal, build and versioned dev dependencies', () => {
    const ws = workspace({ from: exampleRoot });
    const graph = graphOf(ws);
    const names = Object.keys(graph.nodes).sort();
    const meta = spawnSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], { cwd: ws.dir, encoding: 'utf8' });
    expect(meta.status, meta.stderr).toBe(0);
    const packages = JSON.parse(meta.stdout).packages as Array<{ name: string; dependencies: Array<{ name: string; kind: string | null; req: string; path?: string }> }>;
    expect(names).toEqual(packages.map((p) => p.name).sort());
    const expectedEdges = packages
      .flatMap((p) => p.dependencies.filter((d) => d.path && (d.kind !== 'dev' || d.req !== '*')).map((d) => `${p.name}->${d.name}`))
      .filter((e, i, all) => all.indexOf(e) === i)
      .sort();
    const edges = Object.entries(graph.dependencies)
      .flatMap(([source, deps]) => deps.map((d) => `${source}->${d.target}`))
      .sort();
    expect(edges).toEqual(expectedEdges);
    expect(edges.length).toBeGreaterThan(5);
  });
});

describe('bad input never breaks the graph', () => {
  it('reports a malformed manifest once with file and line, and shows the other projects', () => {
    const ws = workspace({ from: exampleRoot });
    const broken = join(ws.dir, 'cranelift/entity/Cargo.toml');
    expect(existsSync(broken)).toBe(true);
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/\nversion = /, '\nversion = = '));
    const run = ws.nx(['show', 'projects']);
    expect(run.status, run.stderr).toBe(0);
    const output = run.stdout + run.stderr;
    expect(output.match(/cranelift\/entity\/Cargo\.toml:\d+: error: .*not valid TOML/g)).toHaveLength(1);
    expect(run.stdout.split('\n')).toContain('wasmtime');
    expect(run.stdout.split('\n')).not.toContain('cranelift-entity');
  });
});

describe('init generator', () => {
  it('registers the plugin idempotently and keeps other plugins', () => {
    const ws = workspace({ from: exampleRoot });
    // Another (local) plugin that must survive the init.
    writeFileSync(join(ws.dir, 'other-plugin.js'), "exports.createNodesV2 = ['**/other.json', () => []];\n");
    writeFileSync(join(ws.dir, 'nx.json'), JSON.stringify({ plugins: [{ plugin: './other-plugin.js', include: [] }] }, null, 2));
    const first = ws.nx(['g', 'nx-release-train:init', '--preset=wasmtime']);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const afterFirst = readFileSync(join(ws.dir, 'nx.json'), 'utf8');
    const plugins = JSON.parse(afterFirst).plugins;
    expect(plugins[0]).toEqual({ plugin: './other-plugin.js', include: [] });
    expect(plugins[1].plugin).toBe('nx-release-train');
    expect(plugins[1].options.bumpTitle).toBe('Bump Wasmtime to {version}');
    const second = ws.nx(['g', 'nx-release-train:init', '--preset=wasmtime']);
    expect(second.status).toBe(0);
    expect(readFileSync(join(ws.dir, 'nx.json'), 'utf8')).toBe(afterFirst);
  });
});

describe('try-on', () => {
  it('makes a copy of a real fixture usable: npx nx show projects lists every member', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrt-tryon-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(fixturesRoot, 'cut-45/before/tree'), dir, { recursive: true });
    const tryOn = spawnSync('npm', ['run', '--silent', 'try-on', '--', dir, '--preset=wasmtime'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...NX_ENV } });
    expect(tryOn.status, tryOn.stderr + tryOn.stdout).toBe(0);
    const show = spawnSync('npx', ['nx', 'show', 'projects', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...NX_ENV } });
    expect(show.status, show.stderr).toBe(0);
    const projects = JSON.parse(show.stdout) as string[];
    const meta = JSON.parse(readFileSync(join(fixturesRoot, 'cut-45/before/metadata.json'), 'utf8'));
    expect(projects.sort()).toEqual(meta.packages.map((p: { name: string }) => p.name).sort());
  });
});
