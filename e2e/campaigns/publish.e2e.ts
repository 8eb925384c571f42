/**
 * Publishing campaigns through the real nx CLI, real cargo and the local registry: (a) a run
 * killed -9 midway, then rerun; (b) a 429 storm; (c) `--batch=false`, one Nx task (a process)
 * per crate, ordered by Nx through `^publish`; (d) trusted publishing through token expiry,
 * every token revoked, no secret in output or argv. Slow by nature (kills, waits the
 * registry imposes, tokens outliving their lifetime, a process per crate): `npm run test:campaigns`.
 */
import { describe, expect, it } from 'vitest';
import { expectDependencyOrder, expectEachPublishedOnce, hasCargo } from '../support/publish';
import { setupNxPublish } from '../support/publish-nx';

describe.skipIf(!hasCargo)('publishing campaigns (real nx)', () => {
  it('(a) resumes after a run killed midway: every version published exactly once', async () => {
    const s = await setupNxPublish({ publishLatencyMs: 150 });
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
    const s = await setupNxPublish({ rateLimits: { newCrates: { burst: 2, intervalMs: 1000 }, newVersions: null } });
    s.reg.faults.add({ action: { status: 429, retryAfterMs: 300 }, times: 3 });
    const run = await s.nx(['run-many', '-t', 'publish', '--parallel=3', '--output-style=static']);
    expect(run.code, run.out).toBe(0);
    const limited = s.reg.events.filter((e) => e.status === 429).length;
    expect(limited).toBeGreaterThan(3);
    expect(run.out).toMatch(/retrying in \d+ s \(rate limited by registry "local", until \d{4}-/);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('(c) --batch=false: Nx orders one task per crate through ^publish, behind a lagging index', async () => {
    const s = await setupNxPublish({ indexDelayMs: 700 });
    const run = await s.nx(['run-many', '-t', 'publish', '--batch=false', '--parallel=3', '--output-style=static']);
    expect(run.code, run.out).toBe(0);
    expectEachPublishedOnce(s);
    expectDependencyOrder(s);
  });

  it('(d) publishes with trusted publishing alone through token expiry, revokes every token, shows no secret', async () => {
    // Tokens live 20 s on the registry; the setting says 8 s, so each is replaced after 6.7 s and
    // an upload has 13 s of slack for cargo's packaging on a busy machine (an upload that still
    // meets an expired token gets a fresh one). Uploads take 4 s: the run outlives tokens.
    const s = await setupNxPublish({ trustedTokenLifetimeMs: 20_000, publishLatencyMs: 4000 }, { trustedTokenLifetime: 8 });
    for (const name of s.crates.keys()) s.reg.seed({ name, vers: '0.0.1', deps: [], features: {} }, Buffer.from(name));
    const ps: string[] = [];
    const run = await s.nx(['run-many', '-t', 'publish', '--output-style=static'], { env: s.oidcEnv, sample: ps });
    const end = Date.now();
    expect(run.code, run.out).toBe(0);
    for (const [name, { version }] of s.crates) expect(s.reg.published(name), name).toEqual(['0.0.1', version]);
    expect(run.out).toContain(
      `publish: trusted publishing to registry "local" (no CARGO_REGISTRIES_LOCAL_TOKEN set): an OIDC token for audience "${new URL(s.reg.url).host}"`,
    );
    const minted = s.reg.trusted.minted;
    expect(minted.length, run.out).toBeGreaterThan(1);
    // Every token was revoked at the end, or had expired during the run (then it is dead already).
    const expiredInRun = minted.filter((m) => m.revokedAt === null);
    expect(expiredInRun.length, 'a token expired during the run').toBeGreaterThan(0);
    for (const m of expiredInRun) expect(m.expiresAt).toBeLessThan(end);
    const revocations = s.reg.events.filter((e) => e.route === 'trusted' && e.method === 'DELETE');
    expect(revocations).toHaveLength(minted.length);
    expect(run.out).toContain(
      `trusted publishing: revoked ${minted.length - expiredInRun.length} of ${minted.length} tokens (${expiredInRun.length} had expired already)`,
    );
    expect(s.reg.oidc.issued.every((i) => i.audience === new URL(s.reg.url).host)).toBe(true);
    // Every upload was made with a trusted-publishing token: none with the registry's own.
    expect(s.reg.events.filter((e) => e.route === 'publish').length).toBeGreaterThanOrEqual(s.crates.size);
    const secrets = [s.reg.oidc.requestToken, ...minted.map((m) => m.token), ...s.reg.oidc.issued.map((i) => i.jwt)];
    expect(ps.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(run.out.includes(secret), 'a secret in the output').toBe(false);
      expect(
        ps.some((p) => p.includes(secret)),
        'a secret in argv',
      ).toBe(false);
    }
  });
});
