import { describe, expect, it } from 'vitest';
import { afterRetry, decide, retryAtOf, retryPolicy, tokenEnvVar, type Failure, type RetryState } from './retry';

const POLICY = retryPolicy({ maxAttempts: 6, backoff: 2, maxRateLimitWait: 1800 });

const now = Date.parse('Wed, 25 Nov 2026 04:29:01 GMT');
const ctx = { crate: 'foo', version: '0.1.0', registry: 'local' };
const fresh: RetryState = { transientFailures: 0, rateLimitedMs: 0 };

describe('retryAtOf', () => {
  it("reads the time a 429 gives: crates.io's date in the body, else a Retry-After header", () => {
    const body = 'You have published too many crates in a short period of time. Please try again after Wed, 25 Nov 2026 04:29:05 GMT or email help@crates.io';
    expect(retryAtOf(body, now)).toBe(now + 4000);
    expect(retryAtOf('slow down\nretry-after: 3', now)).toBe(now + 3000);
    expect(retryAtOf('slow down', now)).toBeNull();
  });
});

describe('decide', () => {
  it('waits until the time the registry gives, then retries', () => {
    const d = decide({ kind: 'rate-limited', retryAt: now + 4000 }, fresh, POLICY, now, ctx);
    expect(d).toMatchObject({ kind: 'retry', waitMs: 4250 });
    expect(d.kind === 'retry' && d.reason).toContain('rate limited by registry "local", until 2026-11-25T04:29:05');
  });

  it('stops when rate limits would keep it waiting past the bound', () => {
    const state = { transientFailures: 0, rateLimitedMs: POLICY.maxRateLimitWaitMs - 1000 };
    const d = decide({ kind: 'rate-limited', retryAt: now + 60_000 }, state, POLICY, now, ctx);
    expect(d).toMatchObject({ kind: 'stop', message: expect.stringContaining('maxRateLimitWait 1800 s') });
  });

  it('backs off exponentially on 5xx and network errors, then stops', () => {
    let state = fresh;
    const waits: number[] = [];
    for (;;) {
      const failure: Failure = { kind: 'server', status: 500 };
      const d = decide(failure, state, POLICY, now, ctx);
      if (d.kind !== 'retry') {
        expect(d).toMatchObject({ kind: 'stop', message: expect.stringContaining('failed 6 times (HTTP 500') });
        break;
      }
      waits.push(d.waitMs);
      state = afterRetry(state, failure, d.waitMs);
    }
    expect(waits).toEqual([2000, 4000, 8000, 16000, 32000]);
  });

  it('stops at once on 401/403 and names the token variable, never its value', () => {
    const d = decide({ kind: 'auth', status: 403, detail: 'authentication failed' }, fresh, POLICY, now, ctx);
    expect(d.kind).toBe('stop');
    expect(d.kind === 'stop' && d.message).toMatch(/HTTP 403: .*authentication failed.*Nothing was retried.*CARGO_REGISTRIES_LOCAL_TOKEN/);
    expect(tokenEnvVar(null)).toBe('CARGO_REGISTRY_TOKEN');
    expect(tokenEnvVar('my-reg')).toBe('CARGO_REGISTRIES_MY_REG_TOKEN');
  });

  it('confirms through the index when the version is already there', () => {
    expect(decide({ kind: 'exists' }, fresh, POLICY, now, ctx)).toEqual({ kind: 'confirm' });
  });
});
