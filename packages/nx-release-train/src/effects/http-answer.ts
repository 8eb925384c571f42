/**
 * One HTTP request to a registry or GitHub's OIDC endpoint, bounded in time (a server that
 * never answers fails after `timeoutMs`, not after the platform's 300 s), and its failure as
 * the retry rules read it (core/publishing/retry.ts): 429 with when to retry, 5xx, network or
 * timeout, authentication, anything else.
 */
import { afterRetry, decide, retryAtOf, type Failure, type RetryPolicy, type RetryState } from '../core/publishing/retry';
import { maskSecrets } from '../core/secrets';

/** A failed answer keeps its HTTP status (none for a network failure): a reader may expect some (an index's 404). */
export type Answer = { ok: true; res: Response } | { ok: false; failure: Failure; status?: number };

/** Longest wait for one answer of a registry (index, OIDC request, exchange, revoke) unless a caller bounds it otherwise. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface HttpBound {
  timeoutMs: number;
  now: () => number;
  fetch?: typeof fetch;
}

/** How a request is retried: the uploads' policy (core/publishing/retry), a sleep, and a note of each retry. */
export interface Retrying {
  policy: RetryPolicy;
  sleep(ms: number): Promise<void>;
  onRetry?(failure: Failure, waitMs: number): void;
}

/** Waits with a timer (the real clock). */
export const sleepMs = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The error text of an answer: crates.io's `errors[0].detail`, else the body, cut to 300 characters. */
export async function detailOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  let detail = text;
  try {
    detail = (JSON.parse(text) as { errors?: Array<{ detail?: string }> }).errors?.[0]?.detail ?? text;
  } catch {
    // not JSON: the text itself
  }
  // Masked before it is cut: a secret the server echoes must not survive as a prefix.
  return maskSecrets(detail).slice(0, 300);
}

/** `fetch` with a time bound; a failed answer read into a Failure (the body is consumed then). */
export async function request(url: string, init: RequestInit, opts: HttpBound): Promise<Answer> {
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    return {
      ok: false,
      failure: timedOut
        ? { kind: 'network', detail: `no answer within ${Math.ceil(opts.timeoutMs / 1000)} s`, timedOut: true }
        : { kind: 'network', detail: err.cause?.code ?? err.message },
    };
  }
  if (res.ok) return { ok: true, res };
  return { ok: false, failure: await failureOf(res, opts.now()), status: res.status };
}

/** A failed HTTP answer as the retry rules read it (the body is consumed). */
async function failureOf(res: Response, now: number): Promise<Failure> {
  const detail = await detailOf(res);
  if (res.status === 429) {
    const header = res.headers.get('retry-after');
    return { kind: 'rate-limited', retryAt: retryAtOf(`${detail}\n${header ? `retry-after: ${header}` : ''}`, now) };
  }
  if (res.status === 401 || res.status === 403) return { kind: 'auth', status: res.status, detail };
  if (res.status >= 500) return { kind: 'server', status: res.status };
  return { kind: 'other', detail: `HTTP ${res.status}: ${detail}` };
}

/**
 * `request`, retried as uploads are: 5xx, 429 and network failures (a timeout is one) until the
 * policy says stop; a refusal or any other answer is returned at once. `tries`: attempts made.
 */
export async function retriedRequest(url: string, init: RequestInit, http: HttpBound, retry: Retrying): Promise<{ answer: Answer; tries: number }> {
  let state: RetryState = { transientFailures: 0, rateLimitedMs: 0 };
  for (;;) {
    const answer = await request(url, init, http);
    const tries = state.transientFailures + 1;
    if (answer.ok || !['server', 'network', 'rate-limited'].includes(answer.failure.kind)) return { answer, tries };
    // The decision's own message is cargo's; callers word theirs from the failure.
    const decision = decide(answer.failure, state, retry.policy, http.now(), { crate: url, version: '', registry: null });
    if (decision.kind !== 'retry') return { answer, tries };
    retry.onRetry?.(answer.failure, decision.waitMs);
    await retry.sleep(decision.waitMs);
    state = afterRetry(state, answer.failure, decision.waitMs);
  }
}
