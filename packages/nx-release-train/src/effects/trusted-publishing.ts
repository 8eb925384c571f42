/**
 * Trusted publishing over HTTP: a GitHub Actions OIDC token for the registry's audience,
 * exchanged at the registry for a short-lived token, re-minted before it expires (or on
 * request after an authentication failure), and every minted token revoked at the end.
 * Tokens and JWTs live only in memory: never logged, never in argv, and known to the one
 * masking of output (core/secrets.ts). Errors name the step. The OIDC request and the exchange
 * retry 5xx, 429 and network failures as uploads do, every request is bounded in time, and
 * the fix fits the failure (only a refusal is about permissions).
 */
import type { Failure, RetryPolicy } from '../core/publishing/retry';
import { audienceOf, needsMint, oidcTokenUrl, trustedTokensUrl } from '../core/publishing/trusted';
import { ReleaseError } from '../core/release';
import { rememberSecret } from '../core/secrets';
import { REQUEST_TIMEOUT_MS, request, retriedRequest, sleepMs } from './http-answer';

export interface TrustedPublisherOptions {
  /** The registry's API root (config.json `api`). */
  apiUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestUrl: string;
  requestToken: string;
  lifetimeMs: number;
  now(): number;
  log(line: string): void;
  fetch?: typeof fetch;
  /** How the OIDC request and the exchange are retried (the uploads' policy); default: one attempt. */
  retry?: RetryPolicy;
  sleep?(ms: number): Promise<void>;
  /** Longest wait for one answer (OIDC request, exchange, revoke). */
  requestTimeoutMs?: number;
}

export interface TrustedPublisher {
  readonly audience: string;
  /** A token valid for a while longer (minted when there is none or it is near its end). */
  token(): Promise<string>;
  /**
   * After `stale` was refused for an upload started at `since`: a token minted after that
   * moment (another upload's renewal), or a new one.
   */
  renew(stale: string, since: number): Promise<string>;
  /**
   * Revokes every token minted, a mint in flight included (its token is waited for): how many
   * were revoked, had expired already, or failed (as text). No token is minted after it starts.
   */
  revokeAll(): Promise<{ revoked: number; expired: number; failed: string[] }>;
}

const TOKEN_FIX =
  'the job needs `permissions: id-token: write`, and the registry must list this repository and workflow (and environment) as a trusted publisher of the crates';

const ONE_ATTEMPT: RetryPolicy = { maxAttempts: 1, backoffMs: 0, backoffMaxMs: 0, maxRateLimitWaitMs: 0, rateLimitDefaultMs: 0 };

/** The fix for a step that kept failing: only a refusal is about permissions. */
function fixFor(failure: Failure, what: string): string {
  switch (failure.kind) {
    case 'auth':
    case 'other':
      return TOKEN_FIX;
    case 'rate-limited':
      return `${what} is rate-limiting this run: rerun later; crates already published are skipped`;
    default:
      return `${what} is failing or unreachable (not a permissions problem): check its status and the network, then rerun; crates already published are skipped`;
  }
}

/** What went wrong, for the message (a server's text is masked when printed). */
function causeOf(f: Failure): string {
  switch (f.kind) {
    case 'server':
      return `HTTP ${f.status}`;
    case 'rate-limited':
      return 'HTTP 429';
    case 'auth':
      return `HTTP ${f.status}: ${f.detail}`;
    case 'network':
    case 'other':
      return f.detail;
    default:
      return f.kind;
  }
}

export function trustedPublisher(opts: TrustedPublisherOptions): TrustedPublisher {
  const audience = audienceOf(opts.apiUrl);
  const endpoint = trustedTokensUrl(opts.apiUrl);
  const policy = opts.retry ?? ONE_ATTEMPT;
  const sleep = opts.sleep ?? sleepMs;
  const http = { timeoutMs: opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, now: opts.now, fetch: opts.fetch };
  const minted: string[] = [];
  let current: { token: string; mintedAt: number } | null = null;
  let inFlight: Promise<string> | null = null;
  // Set by revokeAll (the end of the run, or a stop signal): nothing new is minted after it.
  let closing = false;
  const refuseIfClosing = () => {
    if (closing)
      throw new ReleaseError('trusted publishing: the run is stopping; no new token is minted', 'rerun publish; crates already published are skipped');
  };
  // Whoever holds the request token can mint publishing tokens: masked wherever it shows.
  rememberSecret(opts.requestToken);

  /** One step of the mint, retried as uploads are; a refusal is not retried. */
  const step = async (what: string, url: string, init: RequestInit): Promise<Response> => {
    const onRetry = (failure: Failure, waitMs: number) =>
      opts.log(`trusted publishing: ${what} failed (${causeOf(failure)}); retrying in ${Math.ceil(waitMs / 1000)} s`);
    const { answer, tries } = await retriedRequest(url, init, http, { policy, sleep, onRetry });
    if (answer.ok) return answer.res;
    throw new ReleaseError(
      `trusted publishing: ${what} failed (${causeOf(answer.failure)})${tries > 1 ? ` after ${tries} attempts` : ''}; nothing was uploaded with a new token`,
      fixFor(answer.failure, what),
    );
  };

  const mint = async (): Promise<string> => {
    const oidc = await step(`the OIDC token request for audience "${audience}"`, oidcTokenUrl(opts.requestUrl, audience), {
      headers: { authorization: `Bearer ${opts.requestToken}`, accept: 'application/json' },
    });
    const jwt = ((await oidc.json().catch(() => ({}))) as { value?: unknown }).value;
    if (typeof jwt !== 'string') throw new ReleaseError('trusted publishing: the OIDC answer has no "value"', TOKEN_FIX);
    rememberSecret(jwt);
    refuseIfClosing();
    const exchanged = await step(`the token exchange at ${endpoint}`, endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ jwt }),
    });
    const token = ((await exchanged.json().catch(() => ({}))) as { token?: unknown }).token;
    if (typeof token !== 'string' || !token) throw new ReleaseError(`trusted publishing: ${endpoint} answered without a token`, TOKEN_FIX);
    rememberSecret(token);
    // Kept even when the run is stopping meanwhile: revokeAll waits for this mint, then revokes it.
    minted.push(token);
    refuseIfClosing();
    current = { token, mintedAt: opts.now() };
    opts.log(`trusted publishing: minted token ${minted.length} for audience "${audience}"`);
    return token;
  };
  // One mint at a time: uploads running in parallel share the token.
  const mintOnce = () => {
    refuseIfClosing();
    return (inFlight ??= mint().finally(() => (inFlight = null)));
  };

  return {
    audience,
    async token() {
      if (inFlight) return inFlight;
      if (current && !needsMint(current, opts.now(), opts.lifetimeMs)) return current.token;
      return mintOnce();
    },
    async renew(stale, since) {
      if (inFlight) return inFlight;
      if (current && current.token !== stale && current.mintedAt >= since) return current.token;
      return mintOnce();
    },
    async revokeAll() {
      closing = true;
      // A token the registry is minting now exists there already: wait for it, then revoke it too.
      await inFlight?.catch(() => undefined);
      const failed: string[] = [];
      let revoked = 0;
      let expired = 0;
      for (const [i, token] of minted.entries()) {
        const answer = await request(endpoint, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }, http);
        if (answer.ok) revoked += 1;
        // An expired token cannot authenticate its own revocation; it is dead already.
        else if (answer.failure.kind === 'auth') expired += 1;
        else failed.push(`token ${i + 1}: ${causeOf(answer.failure)}`);
      }
      return { revoked, expired, failed };
    },
  };
}
