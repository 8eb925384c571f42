/** The token holder against the local registry's OIDC stand-in and exchange (real HTTP). */
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistry, type Registry } from '../../../../tools/local-registry';
import { trustedPublisher } from './trusted-publishing';

let reg: Registry;
afterEach(() => reg?.stop());

function holder(now: { t: number }, log: string[] = [], requestToken = reg.oidc.requestToken) {
  return trustedPublisher({ apiUrl: reg.url, requestUrl: reg.oidc.requestUrl, requestToken, lifetimeMs: 60_000, now: () => now.t, log: (l) => log.push(l) });
}

describe('trustedPublisher', () => {
  it('mints once for parallel uploads, re-mints on schedule and on renew, and revokes every token', async () => {
    reg = await startRegistry();
    const now = { t: 0 };
    const log: string[] = [];
    const tp = holder(now, log);
    expect(tp.audience).toBe(new URL(reg.url).host);
    const [a, b] = await Promise.all([tp.token(), tp.token()]);
    expect(a).toBe(b);
    now.t = 49_999;
    expect(await tp.token()).toBe(a);
    now.t = 50_000; // 60 s lifetime: replaced after 50 s
    const c = await tp.token();
    expect(c).not.toBe(a);
    // A failure seen with the old token after another upload renewed: no third mint.
    expect(await tp.renew(a, 50_000)).toBe(c);
    // One that started before that token was minted: a fresh one.
    now.t = 51_000;
    const d = await tp.renew(a, 50_500);
    expect(d).not.toBe(c);
    expect(await tp.renew(c, 51_000)).toBe(d);
    expect(reg.trusted.minted.map((m) => m.token)).toEqual([a, c, d]);
    expect(await tp.revokeAll()).toEqual({ revoked: 3, expired: 0, failed: [] });
    expect(reg.trusted.minted.every((m) => m.revokedAt !== null)).toBe(true);
    expect(log).toEqual([1, 2, 3].map((n) => `trusted publishing: minted token ${n} for audience "${tp.audience}"`));
    expect(log.join('\n')).not.toContain(a);
  });

  it('names the step that failed with the fix, never the secrets', async () => {
    reg = await startRegistry();
    const tp = holder({ t: 0 }, [], 'wrong-request-token');
    const err = await tp.token().catch((e: Error & { fix?: string }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/the OIDC token request for audience "127\.0\.0\.1:\d+" answered HTTP 401/);
    expect((err as { fix: string }).fix).toContain('permissions: id-token: write');
    expect((err as Error).message).not.toContain('wrong-request-token');
    reg.faults.add({ route: 'trusted', action: { status: 400 } });
    const refused = await holder({ t: 0 })
      .token()
      .catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/\/api\/v1\/trusted_publishing\/tokens refused the OIDC token \(HTTP 400: Bad Request\)/);
    expect(reg.trusted.minted).toEqual([]);
  });
});
