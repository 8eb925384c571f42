/**
 * The graph through the real nx CLI, only what Nx itself does: a bad manifest reported by
 * `nx show projects` without breaking Nx, and `npm run try-on` on a copy of a real fixture.
 * The projects and edges are proven in-process (e2e/commands/graph.test.ts), init on an Nx
 * tree (generators/init/generator.spec.ts).
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

describe('try-on', () => {
  it('makes a copy of a real fixture usable: npx nx show projects lists every member', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrt-tryon-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(fixturesRoot, 'cut-45/before/tree'), dir, { recursive: true });
    const tryOn = spawnSync('npm', ['run', '--silent', 'try-on', '--', dir, '--preset=wasmtime'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...NX_ENV },
    });
    expect(tryOn.status, tryOn.stderr + tryOn.stdout).toBe(0);
    const show = spawnSync('npx', ['nx', 'show', 'projects', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...NX_ENV } });
    expect(show.status, show.stderr).toBe(0);
    const projects = JSON.parse(show.stdout) as string[];
    const meta = JSON.parse(readFileSync(join(fixturesRoot, 'cut-45/before/metadata.json'), 'utf8'));
    expect(projects.sort()).toEqual(meta.packages.map((p: { name: string }) => p.name).sort());
  });
});
