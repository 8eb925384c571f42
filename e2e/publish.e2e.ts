/**
 * Publishing through the real nx CLI: only what Nx itself does. `nx run-many -t publish`
 * hands every task to the batch executor with the `^publish` edges; the executors' exit
 * codes; publish-plan, verify and release-yank run once each. What the commands do is proven
 * in-process (e2e/commands/publish*.test.ts); kills, 429 storms, token expiry and
 * `--batch=false` (a process per crate, ordered by Nx: two minutes) are campaigns
 * (e2e/campaigns/publish.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { expectDependencyOrder, expectEachPublishedOnce, hasCargo } from './support/publish';
import { setupNxPublish } from './support/publish-nx';

if (!hasCargo) console.warn('publish.e2e: skipped, `cargo` is not on PATH');

describe.skipIf(!hasCargo)('publishing through nx against the local registry', () => {
  it('run-many -t publish: one batch, crates in ^publish order behind a lagging index', async () => {
    const s = await setupNxPublish({ indexDelayMs: 700 });
    const run = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/^publish: \d+ published/m);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('one crate: a refused token fails the task, named, never printed', async () => {
    const s = await setupNxPublish();
    const wrong = 'not-the-token-1234';
    const denied = await s.nx(['run', 'cranelift-entity:publish'], { env: { ...s.tokenEnv, CARGO_REGISTRIES_LOCAL_TOKEN: wrong } });
    expect(denied.code).toBe(1);
    expect(denied.out).toMatch(/HTTP 403: .*authentication failed/);
    expect(denied.out).not.toContain(wrong);
  });

  it('publish-plan, verify and release-yank run as executors', async () => {
    const s = await setupNxPublish();
    const plan = await s.nx(['publish-plan', '--offline']);
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toContain("the publish target's concurrency");
    expect(plan.out).toContain('Authentication: the token in CARGO_REGISTRIES_LOCAL_TOKEN');
    expect(plan.out).toContain('offline: the index was not read and nothing was packaged');

    const verify = await s.nx(['run', 'wasmtime:verify', '--dry-run']);
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toMatch(/wasmtime@5\.0\.0: would run cargo package -p wasmtime .*--registry local \(dry run\)/);

    const yank = await s.nx(['release-yank']);
    expect(yank.code).toBe(1);
    expect(yank.out).toContain('not every crate of the release is in the index of registry "local" yet');
    expect(s.reg.events.filter((e) => e.route === 'publish' || e.route === 'yank')).toEqual([]);
  });
});
