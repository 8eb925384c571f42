/**
 * Trusted publishing over HTTP: a GitHub Actions OIDC token for the registry's audience,
 * exchanged at the registry for a short-lived token, re-minted before it expires (or on
 * request after an authentication failure), and every minted token revoked at the end.
 * Tokens and JWTs live only in memory: never logged, never in argv; errors name the step.
 */
import { ReleaseError } from '../core/release';
import { audienceOf, needsMint, oidcTokenUrl, trustedTokensUrl } from '../core/publishing/trusted';

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
  /** Revokes every token minted: how many were revoked, had expired already, or failed (as text). */
  revokeAll(): Promise<{ revoked: number; expired: number; failed: string[] }>;
}

const TOKEN_FIX =
  'the job needs `permissions: id-token: write`, and the registry must list this repository and workflow (and environment) as a trusted publisher of the crates';

export function trustedPublisher(opts: TrustedPublisherOptions): TrustedPublisher {
  const doFetch = opts.fetch ?? fetch;
  const audience = audienceOf(opts.apiUrl);
  const endpoint = trustedTokensUrl(opts.apiUrl);
  const minted: string[] = [];
  let current: { token: string; mintedAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  const call = async (what: string, url: string, init: RequestInit): Promise<Response> => {
    try {
      return await doFetch(url, init);
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new ReleaseError(`trusted publishing: cannot reach ${what} (${cause})`, 'check the network and rerun; nothing was uploaded with this token');
    }
  };
  const detailOf = async (res: Response) => {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    try {
      return (JSON.parse(text) as { errors?: Array<{ detail?: string }> }).errors?.[0]?.detail ?? text;
    } catch {
      return text;
    }
  };

  const mint = async (): Promise<string> => {
    const oidc = await call('the GitHub Actions OIDC endpoint', oidcTokenUrl(opts.requestUrl, audience), {
      headers: { authorization: `Bearer ${opts.requestToken}`, accept: 'application/json' },
    });
    if (!oidc.ok) {
      throw new ReleaseError(
        `trusted publishing: the OIDC token request for audience "${audience}" answered HTTP ${oidc.status}: ${await detailOf(oidc)}`,
        TOKEN_FIX,
      );
    }
    const jwt = ((await oidc.json()) as { value?: unknown }).value;
    if (typeof jwt !== 'string') throw new ReleaseError('trusted publishing: the OIDC answer has no "value"', TOKEN_FIX);
    const exchanged = await call(`the registry's token exchange at ${endpoint}`, endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ jwt }),
    });
    if (!exchanged.ok) {
      throw new ReleaseError(`trusted publishing: ${endpoint} refused the OIDC token (HTTP ${exchanged.status}: ${await detailOf(exchanged)})`, TOKEN_FIX);
    }
    const token = ((await exchanged.json()) as { token?: unknown }).token;
    if (typeof token !== 'string' || !token) throw new ReleaseError(`trusted publishing: ${endpoint} answered without a token`, TOKEN_FIX);
    minted.push(token);
    current = { token, mintedAt: opts.now() };
    opts.log(`trusted publishing: minted token ${minted.length} for audience "${audience}"`);
    return token;
  };
  // One mint at a time: uploads running in parallel share the token.
  const mintOnce = () => (inFlight ??= mint().finally(() => (inFlight = null)));

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
      const failed: string[] = [];
      let revoked = 0;
      let expired = 0;
      for (const [i, token] of minted.entries()) {
        const res = await doFetch(endpoint, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch((e: Error) => e);
        if (res instanceof Error) failed.push(`token ${i + 1}: ${res.message}`);
        else if (res.ok) revoked += 1;
        // An expired token cannot authenticate its own revocation; it is dead already.
        else if (res.status === 401 || res.status === 403) expired += 1;
        else failed.push(`token ${i + 1}: HTTP ${res.status} ${await detailOf(res)}`);
      }
      return { revoked, expired, failed };
    },
  };
}
