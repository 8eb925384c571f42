/** The token holder against the local registry's OIDC stand-in and exchange (real HTTP). */
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistry, type Registry } from '../../../../tools/local-registry';
import { formatFailure } from '../core/errors';
import { retryPolicy } from '../core/publishing/retry';
import { maskSecrets } from '../core/secrets';
import { trustedPublisher, type TrustedPublisherOptions } from './trusted-publishing';

let reg: Registry;
afterEach(() => reg?.stop());

function holder(now: { t: number }, log: string[] = [], requestToken = reg.oidc.requestToken, over: Partial<TrustedPublisherOptions> = {}) {
  return trustedPublisher({
    apiUrl: reg.url,
    requestUrl: reg.oidc.requestUrl,
    requestToken,
    lifetimeMs: 60_000,
    now: () => now.t,
    log: (l) => log.push(l),
    ...over,
  });
}

/** The uploads' policy (3 attempts), its waits recorded instead of slept. */
function retrying(waits: number[]): Partial<TrustedPublisherOptions> {
  return { retry: retryPolicy({ maxAttempts: 3, backoff: 2, maxRateLimitWait: 120 }), sleep: async (ms) => void waits.push(ms) };
}

const failureOf = (p: Promise<unknown>) => p.then(() => null).catch((e: Error & { fix: string }) => e);

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
    expect((err as Error).message).toMatch(/the OIDC token request for audience "127\.0\.0\.1:\d+" failed \(HTTP 401/);
    expect((err as { fix: string }).fix).toContain('permissions: id-token: write');
    expect((err as Error).message).not.toContain('wrong-request-token');
    reg.faults.add({ route: 'trusted', action: { status: 400 } });
    const refused = await holder({ t: 0 })
      .token()
      .catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/the token exchange at \S+\/api\/v1\/trusted_publishing\/tokens failed \(HTTP 400: Bad Request\)/);
    expect(reg.trusted.minted).toEqual([]);
  });

  it('retries a 5xx, a 429 and a dropped connection of the OIDC endpoint and the exchange, as uploads are retried', async () => {
    reg = await startRegistry();
    reg.faults.add({ route: 'oidc', action: { status: 500 } }).add({ route: 'oidc', action: { drop: true } });
    reg.faults.add({ route: 'trusted', action: { status: 429, retryAfterMs: 1000 } });
    const waits: number[] = [];
    const log: string[] = [];
    // Real time: the 429's Retry-After is a moment on the registry's clock.
    const token = await holder({ t: 0 }, log, undefined, { ...retrying(waits), now: () => Date.now() }).token();
    expect(reg.trusted.minted.map((m) => m.token)).toEqual([token]);
    expect(waits).toHaveLength(3);
    expect(log.filter((l) => l.includes('retrying'))).toHaveLength(3);
    expect(log[0]).toMatch(/the OIDC token request for audience "[^"]+" failed \(HTTP 500\); retrying in 2 s/);
  });

  it('gives up after the policy with a fix that fits: a failing server is not a permissions problem', async () => {
    reg = await startRegistry();
    reg.faults.add({ route: 'trusted', times: Infinity, action: { status: 503 } });
    const err = await failureOf(holder({ t: 0 }, [], undefined, retrying([])).token());
    expect(err!.message).toMatch(/the token exchange at \S+ failed \(HTTP 503\) after 3 attempts/);
    expect(err!.fix).toContain('not a permissions problem');
    expect(err!.fix).not.toContain('id-token');
  });

  it('bounds every request in time: a hanging OIDC endpoint fails after the bound, reported as a timeout', async () => {
    reg = await startRegistry();
    reg.faults.add({ route: 'oidc', times: Infinity, action: { hang: true } });
    const started = Date.now();
    const err = await failureOf(holder({ t: 0 }, [], undefined, { ...retrying([]), requestTimeoutMs: 200 }).token());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err!.message).toMatch(/failed \(no answer within 1 s\) after 3 attempts/);
    expect(err!.fix).toContain('not a permissions problem');
  });

  it('never prints a secret a hostile server echoes back: the request token, the JWT, a minted token', async () => {
    reg = await startRegistry();
    reg.faults.add({ route: 'oidc', action: { status: 400, echo: true } });
    const oidcErr = await failureOf(holder({ t: 0 }).token());
    expect(oidcErr!.message).toContain('denied for Bearer *** with (no body)');
    expect(formatFailure(oidcErr)).not.toContain(reg.oidc.requestToken);
    reg.faults.add({ route: 'trusted', action: { status: 400, echo: true } });
    const exchangeErr = await failureOf(holder({ t: 0 }).token());
    const jwt = reg.oidc.issued.at(-1)!.jwt;
    expect(exchangeErr!.message).toContain('with {"jwt":"***"}');
    expect(formatFailure(exchangeErr)).not.toContain(jwt.slice(0, 40));
    // A failed revoke echoing the live token.
    const tp = holder({ t: 0 });
    const token = await tp.token();
    reg.faults.add({ route: 'trusted', action: { status: 400, echo: true } });
    const { failed } = await tp.revokeAll();
    expect(failed).toEqual(['token 1: HTTP 400: denied for Bearer *** with (no body)']);
    expect(maskSecrets(failed.join('\n'))).not.toContain(token);
  });
});
