import { describe, expect, it } from 'vitest';
import { afterRetry, classifyFailure, decide, retryPolicy, tokenEnvVar, type RetryState } from './retry';

const POLICY = retryPolicy({ maxAttempts: 6, backoff: 2, maxRateLimitWait: 1800 });

// Error texts as cargo 1.95 prints them (captured from real runs against the local registry).
const CARGO_429 = `error: failed to publish foo v0.1.0 to registry at http://127.0.0.1:44181

Caused by:
  the remote server responded with an error (status 429 Too Many Requests): You have published too many crates in a short period of time. Please try again after Wed, 25 Nov 2026 04:29:05 GMT or email help@crates.io to have your limit increased.
`;
const CARGO_503_PLAIN = `error: failed to publish foo v0.1.0 to registry at http://127.0.0.1:44181

Caused by:
  failed to get a 200 OK response, got 503
  headers:
  \tHTTP/1.1 503 Service Unavailable
  \tRetry-After: 7
  \tcontent-type: text/plain
  body:
  Service Unavailable
`;
const CARGO_500 = `Caused by:\n  the remote server responded with an error (status 500 Internal Server Error): Internal Server Error\n`;
const CARGO_DROP = `Caused by:\n  [52] Server returned nothing (no headers, no data) (Empty reply from server)\n`;
const CARGO_403 = `Caused by:\n  the remote server responded with an error (status 403 Forbidden): authentication failed\n`;
const CARGO_EXISTS = `error: crate foo@0.1.0 already exists on \`local\` index\n`;
const CARGO_NO_TOKEN = `error: no token found for \`local\`, please run \`cargo login --registry local\`\nor use environment variable CARGO_REGISTRIES_LOCAL_TOKEN\n`;

const now = Date.parse('Wed, 25 Nov 2026 04:29:01 GMT');
const ctx = { crate: 'foo', version: '0.1.0', registry: 'local' };
const fresh: RetryState = { transientFailures: 0, rateLimitedMs: 0 };

describe('classifyFailure', () => {
  it('reads the time a 429 gives, from the body or a Retry-After header', () => {
    expect(classifyFailure(CARGO_429, now)).toEqual({ kind: 'rate-limited', retryAt: now + 4000 });
    expect(classifyFailure('got 429\n  headers:\n  \tretry-after: 3\n', now)).toEqual({ kind: 'rate-limited', retryAt: now + 3000 });
    expect(classifyFailure('status 429 Too Many Requests): slow down', now)).toEqual({ kind: 'rate-limited', retryAt: null });
  });

  it('tells server, network, auth and already-published failures apart', () => {
    expect(classifyFailure(CARGO_500, now)).toEqual({ kind: 'server', status: 500 });
    expect(classifyFailure(CARGO_503_PLAIN, now)).toEqual({ kind: 'server', status: 503 });
    expect(classifyFailure(CARGO_DROP, now)).toMatchObject({ kind: 'network', detail: expect.stringContaining('[52] Server returned nothing') });
    expect(classifyFailure(CARGO_403, now)).toMatchObject({ kind: 'auth', status: 403, detail: expect.stringContaining('authentication failed') });
    expect(classifyFailure(CARGO_NO_TOKEN, now)).toMatchObject({ kind: 'auth', status: null });
    expect(classifyFailure(CARGO_EXISTS, now)).toEqual({ kind: 'exists' });
    expect(classifyFailure('error[E0425]: cannot find value `x`\n', now)).toMatchObject({ kind: 'other' });
  });
});

describe('decide', () => {
  it('waits until the time the registry gives, then retries', () => {
    const d = decide(classifyFailure(CARGO_429, now), fresh, POLICY, now, ctx);
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
      const failure = classifyFailure(CARGO_500, now);
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
    const d = decide(classifyFailure(CARGO_403, now), fresh, POLICY, now, ctx);
    expect(d.kind).toBe('stop');
    expect(d.kind === 'stop' && d.message).toMatch(/HTTP 403: .*authentication failed.*Nothing was retried.*CARGO_REGISTRIES_LOCAL_TOKEN/);
    expect(tokenEnvVar(null)).toBe('CARGO_REGISTRY_TOKEN');
    expect(tokenEnvVar('my-reg')).toBe('CARGO_REGISTRIES_MY_REG_TOKEN');
  });

  it('confirms through the index when the version is already there', () => {
    expect(decide({ kind: 'exists' }, fresh, POLICY, now, ctx)).toEqual({ kind: 'confirm' });
  });
});
