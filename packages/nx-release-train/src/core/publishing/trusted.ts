/**
 * Trusted publishing decisions (SPEC §4), pure: which mode a run publishes in, the OIDC
 * audience of a registry, the token request URL, and when a minted token must be replaced.
 */
import { ReleaseError } from '../release';

export type PublishAuth =
  /** A token from the environment (CARGO_REGISTRY_TOKEN / CARGO_REGISTRIES_<NAME>_TOKEN). */
  | { mode: 'token'; variable: string }
  /** No token set, GitHub Actions OIDC available: exchange an OIDC token at the registry. */
  | { mode: 'trusted' }
  | { mode: 'none'; variable: string };

/** What the environment offers, as presence flags (values never enter core/). */
export interface AuthEnvironment {
  tokenVariable: string;
  hasToken: boolean;
  hasOidcRequestUrl: boolean;
  hasOidcRequestToken: boolean;
}

export function publishAuth(env: AuthEnvironment): PublishAuth {
  if (env.hasToken) return { mode: 'token', variable: env.tokenVariable };
  if (env.hasOidcRequestUrl && env.hasOidcRequestToken) return { mode: 'trusted' };
  return { mode: 'none', variable: env.tokenVariable };
}

/** The fix for a run with neither a token nor OIDC. */
export function noAuthFix(variable: string): string {
  return (
    `set ${variable} to a registry token, or publish from GitHub Actions with trusted publishing: ` +
    'give the job `permissions: id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN are then set) and add the trusted publisher on the registry'
  );
}

/** The OIDC audience a registry expects: its API host (`crates.io` for https://crates.io). */
export function audienceOf(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new ReleaseError(`the registry's API URL "${apiUrl}" (config.json "api") is not a URL`, 'fix the registry index configuration');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ReleaseError(`the registry's API URL "${apiUrl}" is not http(s)`, 'fix the registry index configuration');
  }
  return url.host;
}

/** GitHub's token request URL with the audience appended (`&audience=` as actions/core does). */
export function oidcTokenUrl(requestUrl: string, audience: string): string {
  return `${requestUrl}${requestUrl.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
}

/** The exchange and revoke endpoint below a registry's API root. */
export function trustedTokensUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/api/v1/trusted_publishing/tokens`;
}

/**
 * When a token minted at `mintedAt` must be replaced: before its lifetime ends, with a margin
 * of a sixth of the lifetime (at most 5 minutes), so that an upload started just before is
 * still inside it. 30 minutes: re-minted after 25.
 */
export function remintAt(mintedAt: number, lifetimeMs: number): number {
  return mintedAt + lifetimeMs - Math.min(5 * 60_000, Math.floor(lifetimeMs / 6));
}

/** The run's token holder's next step for an upload: use the token, or mint first. */
export function needsMint(current: { mintedAt: number } | null, now: number, lifetimeMs: number): boolean {
  return current === null || now >= remintAt(current.mintedAt, lifetimeMs);
}

/** After an upload's authentication failure: mint once more and retry, or stop. */
export function onAuthFailure(renewedForThisUpload: boolean): 'renew-and-retry' | 'stop' {
  return renewedForThisUpload ? 'stop' : 'renew-and-retry';
}
