/**
 * Trusted publishing, as GitHub Actions and crates.io do it (SPEC §4), for tests:
 * - an OIDC issuer stand-in: the `ACTIONS_ID_TOKEN_REQUEST_URL` endpoint, which answers
 *   `{"value": "<jwt>"}` to `Authorization: Bearer <request token>`, the audience taken
 *   from `&audience=`; JWTs are signed with RS256 like GitHub's (jose);
 * - the registry side: a JWT (for this registry's audience, unexpired, each once) exchanged
 *   for a short-lived token, revoked by `DELETE` with that token.
 * Time comes in as an argument.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type KeyLike } from 'jose';
import type { OidcClaims, TrustedConfigs } from './trusted-configs';

export const ISSUER = 'https://token.actions.githubusercontent.local';

/** crates.io's: 30 minutes. */
export const DEFAULT_TOKEN_LIFETIME_MS = 30 * 60_000;

export interface MintedToken {
  token: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** The crates it may publish (the matched configs' crates); null: any (configs not required). */
  crates: string[] | null;
}

export class TrustedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class OidcIssuer {
  /** What the workflow gets as ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly requestToken = `rt_${randomBytes(16).toString('hex')}`;
  /** Every JWT handed out, and the audience asked for (tests check they never leak). */
  readonly issued: Array<{ jwt: string; audience: string }> = [];
  /** The claims of the next JWTs (a test changes them to be another run: event, workflow, environment). */
  claims: OidcClaims = {
    repository: 'local/workspace',
    workflow_ref: 'local/workspace/.github/workflows/release-train.yml@refs/tags/v0',
    environment: 'publish',
    event_name: 'push',
  };

  private constructor(private readonly keys: { privateKey: KeyLike; publicKey: KeyLike }) {}

  static async create(): Promise<OidcIssuer> {
    return new OidcIssuer(await generateKeyPair('RS256'));
  }

  async jwks(): Promise<unknown> {
    return { keys: [{ ...(await exportJWK(this.keys.publicKey)), alg: 'RS256', use: 'sig' }] };
  }

  /** Answers the token request; `authorization` is the request's header. */
  async answer(authorization: string | undefined, audience: string | null, now: number): Promise<{ value: string }> {
    if (authorization !== `Bearer ${this.requestToken}`) {
      throw new TrustedError(401, 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable: bad request token');
    }
    if (!audience) throw new TrustedError(400, 'audience is required');
    const claims = { ...this.claims, repository_owner: this.claims.repository.split('/')[0] };
    const jwt = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(`repo:${claims.repository}${claims.environment ? `:environment:${claims.environment}` : ''}`)
      .setJti(randomBytes(12).toString('hex'))
      .setIssuedAt(Math.floor(now / 1000))
      // GitHub's tokens are valid for a few minutes: long enough for the exchange.
      .setExpirationTime(Math.floor(now / 1000) + 300)
      .sign(this.keys.privateKey);
    this.issued.push({ jwt, audience });
    return { value: jwt };
  }

  /** The JWT's claims if the signature, issuer and audience hold; else a crates.io-like error. */
  async verify(jwt: string, audience: string, now: number): Promise<{ jti: string; claims: OidcClaims }> {
    try {
      const { payload } = await jwtVerify(jwt, this.keys.publicKey, { issuer: ISSUER, audience, currentDate: new Date(now) });
      const text = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : '');
      const claims: OidcClaims = { repository: text('repository'), workflow_ref: text('workflow_ref'), event_name: text('event_name') };
      if (text('environment')) claims.environment = text('environment');
      return { jti: String(payload.jti), claims };
    } catch (e) {
      throw new TrustedError(400, `Failed to decode JWT: ${(e as Error).message}`);
    }
  }
}

/** The registry's trusted-publishing tokens. */
export class TrustedTokens {
  readonly minted: MintedToken[] = [];
  private readonly usedJtis = new Set<string>();

  constructor(
    private readonly issuer: OidcIssuer,
    /** The registry's API host, the audience its JWTs must carry. */
    private readonly audience: string,
    public lifetimeMs: number,
    /** When given, the exchange matches the claims against them and scopes the token (crates.io's way). */
    private readonly configs: TrustedConfigs | null = null,
  ) {}

  async exchange(body: unknown, now: number): Promise<{ token: string }> {
    const jwt = (body as { jwt?: unknown } | null)?.jwt;
    if (typeof jwt !== 'string') throw new TrustedError(400, 'expected a JSON body {"jwt": "..."}');
    const { jti, claims } = await this.issuer.verify(jwt, this.audience, now);
    if (this.usedJtis.has(jti)) throw new TrustedError(400, 'JWT has already been used');
    const crates = this.configs ? this.configs.match(claims) : null;
    this.usedJtis.add(jti);
    const token = `cio_tp_${randomBytes(24).toString('hex')}`;
    this.minted.push({ token, jti, issuedAt: now, expiresAt: now + this.lifetimeMs, revokedAt: null, crates });
    return { token };
  }

  /** The live token behind an `Authorization` value (raw, as cargo sends it, or `Bearer x`). */
  lookup(authorization: string): MintedToken | 'expired' | null {
    const value = authorization.replace(/^Bearer\s+/i, '');
    const t = this.minted.find((m) => m.token === value);
    if (!t) return null;
    return t.revokedAt !== null || t.expiresAt <= Date.now() ? 'expired' : t;
  }

  /** Revokes the live token that authenticates the request; an expired one cannot authenticate. */
  revoke(authorization: string | undefined, now: number): void {
    const t = authorization ? this.lookup(authorization) : null;
    if (t === null) throw new TrustedError(401, 'this action requires authentication');
    if (t === 'expired') throw new TrustedError(403, 'authentication failed: the trusted publishing token has expired or was revoked');
    t.revokedAt = now;
  }
}

/** crates.io's answers to a trusted-publishing token for what it may not do. */
export const TRUSTED_NEW_CRATE = 'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first';
export const trustedNotForCrate = (crate: string) => `The provided access token is not valid for crate \`${crate}\``;
/** crates.io's answer to a token without the scope an endpoint needs. */
export const MISSING_SCOPE = 'this token does not have the required permissions to perform this action';
export const TRUSTED_YANK = 'Trusted Publishing tokens do not support yanking or unyanking crates. Use an API token with the yank scope';
