/**
 * Publishing in-process (commands/publish.ts, publish/publish-all.ts), real cargo and the
 * local registry on 127.0.0.1, with faults injected: (c) 500s on one crate; (d) 401 and
 * 403; (e) an upload whose answer was lost; (f) a version already present with other
 * content; (g) a dev-dependency cycle; (h) an erratic index; and verify. Nx's own part
 * (`^publish`, the batch protocol, exit codes) is in e2e/publish.e2e.ts; kills and 429
 * storms in e2e/campaigns/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishCommand } from '../../packages/nx-release-train/src/commands/publish';
import { publishPlanCommand } from '../../packages/nx-release-train/src/commands/publish-plan';
import { verifyCommand } from '../../packages/nx-release-train/src/commands/verify';
import { publishFlags } from '../../packages/nx-release-train/src/core/flags/publish';
import { publishPlanFlags } from '../../packages/nx-release-train/src/core/flags/publish-plan';
import { verifyFlags } from '../../packages/nx-release-train/src/core/flags/verify';
import { runCommand } from '../support/command';
import { expectDependencyOrder, expectEachPublishedOnce, hasCargo, publishAttempts, publishEveryCrate, setupPublish } from '../support/publish';

if (!hasCargo) console.warn('commands/publish: skipped, `cargo` is not on PATH');

const project = (name: string) => ({ name, root: name === 'wasmtime-cli' ? '.' : undefined });

describe.skipIf(!hasCargo)('publish (in-process) against the local registry', () => {
  it('(c) backs off on 500s; a crate that keeps failing stops only its dependents, and a rerun finishes', async () => {
    const s = await setupPublish();
    s.reg.faults.add({ crate: 'cranelift-entity', action: { status: 500 }, times: 2 });
    s.reg.faults.add({ crate: 'wasmtime-internal-core', action: { status: 503 }, times: Infinity });
    const run = await publishEveryCrate(s, { backoff: 0.1, maxAttempts: 3, concurrency: 3 }, s.tokenEnv);
    expect(run.ok).toBe(false);
    expect(run.out).toMatch(/cranelift-entity@0\.92\.0: retrying in 1 s \(HTTP 500 from registry "local"\)/);
    expect(run.out).toMatch(/wasmtime-internal-core@5\.0\.0 failed 3 times \(HTTP 503/);
    expect(publishAttempts(s, 'wasmtime-internal-core')).toBe(3);
    // Crates that do not need the failed one went on; its dependents were never tried.
    const needsCore = (name: string): boolean => s.crates.get(name)!.needs.some((d) => d === 'wasmtime-internal-core' || needsCore(d));
    const blocked = [...s.crates.keys()].filter(needsCore);
    const free = [...s.crates.keys()].filter((n) => n !== 'wasmtime-internal-core' && !needsCore(n));
    expect(blocked.length).toBeGreaterThan(0);
    expect(free.length).toBeGreaterThan(0);
    for (const name of blocked) expect(publishAttempts(s, name), name).toBe(0);
    for (const name of blocked) expect(run.results.find((r) => r.id === `${name}:publish`)?.status, name).toBe('skipped');
    for (const name of free) expect(s.reg.published(name), name).toEqual([s.crates.get(name)!.version]);
    expect(run.results.find((r) => r.id === 'wasmtime-internal-core:publish')).toMatchObject({
      status: 'failure',
      output: expect.stringMatching(/failed 3 times/),
    });

    s.reg.faults.clear();
    const rerun = await publishEveryCrate(s, { concurrency: 3 }, s.tokenEnv);
    expect(rerun.ok, rerun.out).toBe(true);
    expect(rerun.out).toMatch(/^publish: \d+ published, \d+ skipped/m);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('(d) stops at once on 401 and 403, naming the token variable, never printing the token', async () => {
    const s = await setupPublish();
    s.reg.faults.add({ action: { status: 401 }, times: Infinity });
    const run = await publishEveryCrate(s, { concurrency: 3 }, s.tokenEnv);
    expect(run.ok).toBe(false);
    expect(run.out).toMatch(/refused to publish \S+ \(HTTP 401: .*\)\. Nothing was retried\. Fix: set CARGO_REGISTRIES_LOCAL_TOKEN/);
    expect(run.out).not.toContain(s.reg.token);
    for (const name of s.crates.keys()) expect(publishAttempts(s, name), name).toBeLessThanOrEqual(1);
    expect([...s.crates.keys()].every((n) => s.reg.published(n).length === 0)).toBe(true);

    s.reg.faults.clear();
    const wrong = 'not-the-token-1234';
    const denied = await runCommand(publishCommand, publishFlags, {
      root: s.ws.dir,
      env: { ...s.tokenEnv, CARGO_REGISTRIES_LOCAL_TOKEN: wrong },
      project: project('cranelift-entity'),
    });
    expect(denied.ok).toBe(false);
    expect(denied.out).toMatch(/HTTP 403: .*authentication failed/);
    expect(denied.out).not.toContain(wrong);
  });

  it('(e) an upload whose answer was lost is confirmed through the index, or times out clearly', async () => {
    const s = await setupPublish({ indexDelayMs: 2500 });
    s.reg.faults.add({ crate: 'cranelift-entity', action: { drop: true, after: true } });
    const one = (flags: Record<string, unknown> = {}) =>
      runCommand(publishCommand, publishFlags, { root: s.ws.dir, flags, env: s.tokenEnv, project: project('cranelift-entity') });
    const run = await one({ backoff: 0.1, indexTimeout: 1 });
    expect(run.ok).toBe(false);
    expect(run.out).toMatch(/cranelift-entity@0\.92\.0: retrying in 1 s \(network error: \w+/);
    expect(run.out).toMatch(/cranelift-entity@0\.92\.0 was uploaded but did not appear in the registry index within 1\.0 s/);
    await new Promise((r) => setTimeout(r, 2500));
    const rerun = await one();
    expect(rerun.ok, rerun.out).toBe(true);
    expect(rerun.result).toBe('skipped');
    expect(rerun.out).toMatch(/cranelift-entity@0\.92\.0: skipped, already in registry "local" with the same checksum/);
    expect(s.reg.published('cranelift-entity')).toEqual(['0.92.0']);
  });

  it('(f) refuses a version already present with different content', async () => {
    const s = await setupPublish();
    const { version } = s.crates.get('cranelift-entity')!;
    s.reg.seed({ name: 'cranelift-entity', vers: version, deps: [], features: {} }, Buffer.from('other bytes'));
    const run = await runCommand(publishCommand, publishFlags, { root: s.ws.dir, env: s.tokenEnv, project: project('cranelift-entity') });
    expect(run.ok).toBe(false);
    expect(run.out).toMatch(
      /cranelift-entity@0\.92\.0 is already in the registry with different content: the index has checksum [0-9a-f]{64}, the crate packaged from this checkout \(.+\) has [0-9a-f]{64}/,
    );
    expect(publishAttempts(s, 'cranelift-entity')).toBe(0);
  });

  it('(g) a path-only dev-dependency cycle does not block ordering; a versioned one is named', async () => {
    const s = await setupPublish();
    // wasmtime needs wasmtime-environ, whose dev-dependency on wasmtime has no version.
    expect(s.crates.get('wasmtime')!.needs).toContain('wasmtime-environ');
    const run = await publishEveryCrate(s, { concurrency: 3 }, s.tokenEnv);
    expect(run.ok, run.out).toBe(true);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
    // cargo stripped the path-only dev-dependency from what it uploaded.
    const environ = s.reg.version('wasmtime-environ', s.crates.get('wasmtime-environ')!.version)!;
    expect(environ.line.deps.map((d) => d.package ?? d.name)).not.toContain('wasmtime');

    const manifest = join(s.ws.dir, 'crates/environ/Cargo.toml');
    const text = readFileSync(manifest, 'utf8');
    expect(text).toContain('wasmtime = { path = "../wasmtime" }');
    writeFileSync(manifest, text.replace('wasmtime = { path = "../wasmtime" }', 'wasmtime = { path = "../wasmtime", version = "5.0.0" }'));
    const cyclic = await runCommand(publishPlanCommand, publishPlanFlags, { root: s.ws.dir, env: s.tokenEnv });
    expect(cyclic.ok).toBe(false);
    expect(cyclic.out).toMatch(/cycle between "(wasmtime|wasmtime-environ)" and "(wasmtime-environ|wasmtime)"/);
    expect(cyclic.out).toMatch(/remove the version from the dev-dependency "wasmtime" in crates\/environ\/Cargo.toml:\d+/);
  });

  it('(h) an erratic index (each upload shows after another delay, reads failing): order held, each version once', async () => {
    const s = await setupPublish({ indexDelayMs: 300 });
    // The delay the waits learn from the first uploads is wrong for the next ones, both ways.
    const delays = [300, 1200, 100, 700, 50, 1500];
    let n = 0;
    s.reg.onPublish(() => (s.reg.faults.indexDelayMs = delays[++n % delays.length]));
    s.reg.faults.add({ route: 'index', crate: 'wasmtime-environ', action: { status: 500 }, times: 2 });
    const run = await publishEveryCrate(s, { backoff: 0.1, concurrency: 3 }, s.tokenEnv);
    expect(run.ok, run.out).toBe(true);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
    // Each wait reads a bounded number of times (20 ms reads throughout would be 75 for the longest delay):
    // about ten across the window learned so far, which moves as other versions show, a few before and after.
    for (const name of s.crates.keys()) {
      const uploaded = s.reg.events.find((e) => e.route === 'publish' && e.crate === name && e.status === 200)!.at;
      expect(s.reg.events.filter((e) => e.route === 'index' && e.crate === name && e.at >= uploaded).length, name).toBeLessThanOrEqual(30);
    }
  });

  it('verify packages a crate and builds it against its unpublished workspace dependencies, offline', async () => {
    const s = await setupPublish();
    const run = await runCommand(verifyCommand, verifyFlags, { root: s.ws.dir, env: s.tokenEnv, project: project('wasmtime') });
    expect(run.ok, run.out).toBe(true);
    expect(run.out).toMatch(/wasmtime@5\.0\.0: verified \(packaged and built with \d+ workspace dependencies\)/);
    expect(s.reg.events.filter((e) => e.route === 'publish')).toEqual([]);
  });
});
