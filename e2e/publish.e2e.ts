/**
 * Publishing through the real nx CLI, real cargo and the local registry on 127.0.0.1, with
 * faults injected: (a) a run killed midway, then rerun; (b) a 429 storm; (c) 500s on one
 * crate; (d) 401; (e) a lagging index; (f) a version already present with other content;
 * (g) a dev-dependency cycle. Each test gets a copy of examples/mini-wasmtime (a git repo,
 * as cargo publish expects) and its own registry and CARGO_HOME.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishOrder } from '../packages/nx-release-train/src/core/publishing/order';
import { loadWorkspace } from '../packages/nx-release-train/src/effects/workspace-fs';
import { startRegistry, writeCargoHome, type Registry, type RegistryOptions } from '../tools/local-registry';
import { exampleRoot, makeWorkspace, NX_ENV, repoRoot, type TempWorkspace } from './support/workspace';

const hasCargo = spawnSync('cargo', ['--version']).status === 0;
if (!hasCargo) console.warn('publish.e2e: skipped, `cargo` is not on PATH');

interface Run {
  code: number | null;
  out: string;
}

interface Setup {
  ws: TempWorkspace;
  reg: Registry;
  env: NodeJS.ProcessEnv;
  /** Publishable crates with their versions and publish dependencies. */
  crates: Map<string, { version: string; needs: string[] }>;
  /** The real nx CLI, asynchronously (the registry lives in this process). */
  nx(args: string[], opts?: { env?: NodeJS.ProcessEnv; killWhen?: () => boolean }): Promise<Run>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(registryOptions: RegistryOptions = {}): Promise<Setup> {
  const ws = makeWorkspace({ from: exampleRoot, git: true, options: { registry: 'local' } });
  const reg = await startRegistry(registryOptions);
  const home = mkdtempSync(join(tmpdir(), 'nrt-cargo-home-'));
  cleanups.push(() => reg.stop(), ws.cleanup, () => rmSync(home, { recursive: true, force: true }));
  const env = { ...process.env, ...NX_ENV, ...writeCargoHome(home, reg) };
  const model = loadWorkspace(ws.dir);
  const order = publishOrder(model);
  const crates = new Map(
    model.members.filter((c) => c.publishable).map((c) => [c.name, { version: c.version, needs: order.needs[c.name] }]),
  );
  const nx: Setup['nx'] = (args, opts = {}) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], {
        cwd: ws.dir,
        env: { ...env, ...opts.env },
        // Its own process group, so that a kill takes nx's task processes and cargo with it.
        detached: true,
      });
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      const timer = opts.killWhen
        ? setInterval(() => {
            if (opts.killWhen!()) {
              clearInterval(timer);
              process.kill(-child.pid!, 'SIGKILL');
            }
          }, 20)
        : undefined;
      child.on('close', (code) => {
        clearInterval(timer);
        resolve({ code, out });
      });
    });
  return { ws, reg, env, crates, nx };
}

/** Every publishable crate's version is in the registry, uploaded exactly once. */
function expectEachPublishedOnce(s: Setup): void {
  for (const [name, { version }] of s.crates) {
    expect(s.reg.published(name), name).toEqual([version]);
    const stored = s.reg.events.filter((e) => e.route === 'publish' && e.crate === name && e.status === 200);
    expect(stored.length, `${name}: successful uploads`).toBeLessThanOrEqual(1);
  }
}

/** No crate was uploaded before every crate it needs was visible in the index. */
function expectDependencyOrder(s: Setup): void {
  for (const [name, { needs }] of s.crates) {
    const firstUpload = s.reg.events.find((e) => e.route === 'publish' && e.crate === name);
    if (!firstUpload) continue;
    for (const dep of needs) {
      const v = s.reg.version(dep, s.crates.get(dep)!.version);
      expect(v, `${dep} (needed by ${name})`).toBeDefined();
      expect(firstUpload.at, `${name} uploaded before ${dep} was visible`).toBeGreaterThanOrEqual(v!.visibleAt);
    }
  }
}

const publishAttempts = (s: Setup, name: string) =>
  s.reg.events.filter((e) => e.route === 'publish' && e.crate === name).length;

describe.skipIf(!hasCargo)('nx run-many -t publish against the local registry', () => {
  it('(a) resumes after a run killed midway: every version published exactly once', async () => {
    const s = await setup({ publishLatencyMs: 150 });
    const first = await s.nx(['run-many', '-t', 'publish', '--parallel=2', '--output-style=static'], {
      killWhen: () => s.crates.size > 0 && [...s.crates.keys()].filter((n) => s.reg.published(n).length).length >= 4,
    });
    expect(first.code, first.out).not.toBe(0);
    const done = [...s.crates.keys()].filter((n) => s.reg.published(n).length);
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(done.length).toBeLessThan(s.crates.size);

    const rerun = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(rerun.code, rerun.out).toBe(0);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
    for (const name of done) expect(rerun.out).toMatch(new RegExp(`${name}@\\S+: skipped, already `));
  });

  it('(b) waits out a 429 storm for the time the registry gives', async () => {
    const s = await setup({ rateLimits: { newCrates: { burst: 2, intervalMs: 1000 }, newVersions: null } });
    s.reg.faults.add({ action: { status: 429, retryAfterMs: 300 }, times: 3 });
    const run = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(run.code, run.out).toBe(0);
    const limited = s.reg.events.filter((e) => e.status === 429).length;
    expect(limited).toBeGreaterThan(3);
    expect(run.out).toMatch(/retrying in \d+ s \(rate limited by registry "local", until \d{4}-/);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('(c) backs off on 500s; a crate that keeps failing stops only its dependents, and a rerun finishes', async () => {
    const s = await setup();
    s.reg.faults.add({ crate: 'cranelift-entity', action: { status: 500 }, times: 2 });
    s.reg.faults.add({ crate: 'wasmtime-internal-core', action: { status: 503 }, times: Infinity });
    const run = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static', '--backoff=0.1', '--maxAttempts=3']);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/cranelift-entity@0\.92\.0: retrying in 1 s \(HTTP 500 from registry "local"\)/);
    expect(run.out).toMatch(/wasmtime-internal-core@5\.0\.0 failed 3 times \(HTTP 503/);
    expect(publishAttempts(s, 'wasmtime-internal-core')).toBe(3);
    // Crates that do not need the failed one went on; its dependents were never tried.
    const needsCore = (name: string): boolean =>
      s.crates.get(name)!.needs.some((d) => d === 'wasmtime-internal-core' || needsCore(d));
    const blocked = [...s.crates.keys()].filter(needsCore);
    const free = [...s.crates.keys()].filter((n) => n !== 'wasmtime-internal-core' && !needsCore(n));
    expect(blocked.length).toBeGreaterThan(0);
    expect(free.length).toBeGreaterThan(0);
    for (const name of blocked) expect(publishAttempts(s, name), name).toBe(0);
    for (const name of free) expect(s.reg.published(name), name).toEqual([s.crates.get(name)!.version]);

    s.reg.faults.clear();
    const rerun = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(rerun.code, rerun.out).toBe(0);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('(d) stops at once on 401 and 403, naming the token variable, never printing the token', async () => {
    const s = await setup();
    s.reg.faults.add({ action: { status: 401 }, times: Infinity });
    const run = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/refused to publish \S+ \(HTTP 401: .*\)\. Nothing was retried\. Fix: set CARGO_REGISTRIES_LOCAL_TOKEN/);
    expect(run.out).not.toContain(s.reg.token);
    for (const name of s.crates.keys()) expect(publishAttempts(s, name), name).toBeLessThanOrEqual(1);
    expect([...s.crates.keys()].every((n) => s.reg.published(n).length === 0)).toBe(true);

    s.reg.faults.clear();
    const wrong = 'not-the-token-1234';
    const denied = await s.nx(['run', 'cranelift-entity:publish'], { env: { CARGO_REGISTRIES_LOCAL_TOKEN: wrong } });
    expect(denied.code).not.toBe(0);
    expect(denied.out).toMatch(/HTTP 403: .*authentication failed/);
    expect(denied.out).not.toContain(wrong);
  });

  it('(e) with a lagging index, dependents wait until their dependencies are visible (one Nx task per crate)', async () => {
    const s = await setup({ indexDelayMs: 700 });
    // --batch=false: Nx itself orders the tasks through ^publish, each in its own process.
    const run = await s.nx(['run-many', '-t', 'publish', '--batch=false', '--parallel=3', '--output-style=static']);
    expect(run.code, run.out).toBe(0);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('(e) an upload whose answer was lost is confirmed through the index, or times out clearly', async () => {
    const s = await setup({ indexDelayMs: 2500 });
    s.reg.faults.add({ crate: 'cranelift-entity', action: { drop: true, after: true } });
    const run = await s.nx(['run', 'cranelift-entity:publish', '--backoff=0.1', '--indexTimeout=1']);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/cranelift-entity@0\.92\.0: retrying in 1 s \(network error: \[52\]/);
    expect(run.out).toMatch(/cranelift-entity@0\.92\.0 was uploaded but did not appear in the registry index within 1\.0 s/);
    await new Promise((r) => setTimeout(r, 2500));
    const rerun = await s.nx(['run', 'cranelift-entity:publish']);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toMatch(/cranelift-entity@0\.92\.0: skipped, already in registry "local" with the same checksum/);
    expect(s.reg.published('cranelift-entity')).toEqual(['0.92.0']);
  });

  it('(f) refuses a version already present with different content', async () => {
    const s = await setup();
    const { version } = s.crates.get('cranelift-entity')!;
    s.reg.seed({ name: 'cranelift-entity', vers: version, deps: [], features: {} }, Buffer.from('other bytes'));
    const run = await s.nx(['run', 'cranelift-entity:publish']);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(
      /cranelift-entity@0\.92\.0 is already in the registry with different content: the index has checksum [0-9a-f]{64}, the crate packaged from this checkout \(.+\) has [0-9a-f]{64}/,
    );
    expect(publishAttempts(s, 'cranelift-entity')).toBe(0);
  });

  it('(g) a path-only dev-dependency cycle does not block ordering; a versioned one is named', async () => {
    const s = await setup();
    // wasmtime needs wasmtime-environ, whose dev-dependency on wasmtime has no version.
    expect(s.crates.get('wasmtime')!.needs).toContain('wasmtime-environ');
    const run = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(run.code, run.out).toBe(0);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
    // cargo stripped the path-only dev-dependency from what it uploaded.
    const environ = s.reg.version('wasmtime-environ', s.crates.get('wasmtime-environ')!.version)!;
    expect(environ.line.deps.map((d) => d.package ?? d.name)).not.toContain('wasmtime');

    const manifest = join(s.ws.dir, 'crates/environ/Cargo.toml');
    const text = readFileSync(manifest, 'utf8');
    expect(text).toContain('wasmtime = { path = "../wasmtime" }');
    writeFileSync(manifest, text.replace('wasmtime = { path = "../wasmtime" }', 'wasmtime = { path = "../wasmtime", version = "5.0.0" }'));
    const cyclic = await s.nx(['run', 'wasmtime-cli:publish-plan']);
    expect(cyclic.code).not.toBe(0);
    expect(cyclic.out).toMatch(/cycle between "(wasmtime|wasmtime-environ)" and "(wasmtime-environ|wasmtime)"/);
    expect(cyclic.out).toMatch(/remove the version from the dev-dependency "wasmtime" in crates\/environ\/Cargo.toml:\d+/);
  });

  it('verify packages a crate and builds it against its unpublished workspace dependencies, offline', async () => {
    const s = await setup();
    const run = await s.nx(['run', 'wasmtime:verify']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/wasmtime@5\.0\.0: verified \(packaged and built with \d+ workspace dependencies\)/);
    expect(s.reg.events.filter((e) => e.route === 'publish')).toEqual([]);
  });
});
