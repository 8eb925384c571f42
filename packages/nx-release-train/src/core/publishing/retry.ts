/**
 * What to do after an upload (or another registry request) fails, as effects/http-answer.ts
 * read the answer: retry (after how long), confirm (the version is already there), or stop.
 * Pure: the caller passes the time. crates.io answers a rate limit with 429 and "Please try
 * again after <HTTP date>" in its error; a proxy's 429 may carry a Retry-After header instead.
 */

export type Failure =
  | { kind: 'rate-limited'; retryAt: number | null }
  | { kind: 'server'; status: number }
  | { kind: 'network'; detail: string; timedOut?: boolean }
  | { kind: 'auth'; status: number | null; detail: string }
  | { kind: 'exists' }
  | { kind: 'other'; detail: string };

export interface RetryPolicy {
  /** Attempts in all for 5xx and network failures (the first try included). */
  maxAttempts: number;
  /** 5xx/network: wait backoffMs * 2^(n-1), at most backoffMaxMs. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Longest total time spent waiting out rate limits for one crate. */
  maxRateLimitWaitMs: number;
  /** A 429 that gives no time: wait this long. */
  rateLimitDefaultMs: number;
}

/** The retry rules' own limits; the rest of a policy comes from the command's flags. */
const BACKOFF_MAX_MS = 60_000;
const RATE_LIMIT_DEFAULT_MS = 60_000;

/** The policy for the flags `maxAttempts`, `backoff` and `maxRateLimitWait` (seconds; defaults in the flag schemas). */
export function retryPolicy(flags: { maxAttempts: number; backoff: number; maxRateLimitWait: number }): RetryPolicy {
  return {
    maxAttempts: flags.maxAttempts,
    backoffMs: flags.backoff * 1000,
    backoffMaxMs: BACKOFF_MAX_MS,
    maxRateLimitWaitMs: flags.maxRateLimitWait * 1000,
    rateLimitDefaultMs: RATE_LIMIT_DEFAULT_MS,
  };
}

/** What happened so far to one crate's publish. */
export interface RetryState {
  transientFailures: number;
  rateLimitedMs: number;
}

export type Decision = { kind: 'retry'; waitMs: number; reason: string } | { kind: 'confirm' } | { kind: 'stop'; message: string };

/**
 * When a 429 says to try again: crates.io's "Please try again after <HTTP date>" in the
 * error text, else a `retry-after: <seconds>` header line; null when neither is there.
 */
export function retryAtOf(text: string, now: number): number | null {
  const date = /try again after ([A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)/.exec(text);
  if (date) return Date.parse(date[1]);
  const header = /^\s*retry-after:\s*(\d+)\s*$/im.exec(text);
  return header ? now + Number(header[1]) * 1000 : null;
}

/** The environment variable cargo reads the token from. */
export function tokenEnvVar(registry: string | null): string {
  return registry ? `CARGO_REGISTRIES_${registry.toUpperCase().replaceAll('-', '_')}_TOKEN` : 'CARGO_REGISTRY_TOKEN';
}

const secs = (ms: number) => `${Math.ceil(ms / 1000)} s`;

export function decide(
  failure: Failure,
  state: RetryState,
  policy: RetryPolicy,
  now: number,
  ctx: { crate: string; version: string; registry: string | null },
): Decision {
  const where = ctx.registry ? `registry "${ctx.registry}"` : 'crates.io';
  const what = `${ctx.crate}@${ctx.version}`;
  switch (failure.kind) {
    case 'exists':
      return { kind: 'confirm' };
    case 'auth':
      return {
        kind: 'stop',
        message:
          `${where} refused to publish ${what}` +
          (failure.status ? ` (HTTP ${failure.status}: ${failure.detail})` : ` (${failure.detail})`) +
          `. Nothing was retried. Fix: set ${tokenEnvVar(ctx.registry)} to a token with publish rights for ${ctx.crate}.`,
      };
    case 'rate-limited': {
      // A small margin: the registry's time has whole seconds and clocks differ a little.
      const wait = failure.retryAt === null ? policy.rateLimitDefaultMs : Math.max(0, failure.retryAt - now) + 250;
      if (state.rateLimitedMs + wait > policy.maxRateLimitWaitMs) {
        return {
          kind: 'stop',
          message:
            `${where} rate-limited ${what} for longer than the limit (${secs(state.rateLimitedMs + wait)} in all, ` +
            `maxRateLimitWait ${secs(policy.maxRateLimitWaitMs)}). Fix: rerun later; crates already published are skipped.`,
        };
      }
      const until = failure.retryAt === null ? 'no time given' : `until ${new Date(failure.retryAt).toISOString()}`;
      return { kind: 'retry', waitMs: wait, reason: `rate limited by ${where}, ${until}` };
    }
    case 'server':
    case 'network': {
      const n = state.transientFailures + 1;
      const cause = failure.kind === 'server' ? `HTTP ${failure.status} from ${where}` : `network error: ${failure.detail}`;
      if (n >= policy.maxAttempts) {
        return {
          kind: 'stop',
          message: `${what} failed ${n} times (${cause}). Fix: check ${where}'s status and rerun; crates already published are skipped.`,
        };
      }
      return { kind: 'retry', waitMs: Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** (n - 1)), reason: cause };
    }
    case 'other':
      return { kind: 'stop', message: `${where} refused ${what}: ${failure.detail}` };
  }
}

/** The state after a retry for this failure. */
export function afterRetry(state: RetryState, failure: Failure, waitMs: number): RetryState {
  return failure.kind === 'rate-limited'
    ? { ...state, rateLimitedMs: state.rateLimitedMs + waitMs }
    : { ...state, transientFailures: state.transientFailures + 1 };
}
