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

export const ISSUER = 'https://token.actions.githubusercontent.local';

/** crates.io's: 30 minutes. */
export const DEFAULT_TOKEN_LIFETIME_MS = 30 * 60_000;

export interface MintedToken {
  token: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
  revokedAt: number | null;
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
    const jwt = await new SignJWT({
      repository: 'local/workspace',
      workflow_ref: 'local/workspace/.github/workflows/release.yml@refs/tags/v0',
      environment: 'publish',
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject('repo:local/workspace:environment:publish')
      .setJti(randomBytes(12).toString('hex'))
      .setIssuedAt(Math.floor(now / 1000))
      // GitHub's tokens are valid for a few minutes: long enough for the exchange.
      .setExpirationTime(Math.floor(now / 1000) + 300)
      .sign(this.keys.privateKey);
    this.issued.push({ jwt, audience });
    return { value: jwt };
  }

  /** The JWT's claims if the signature, issuer and audience hold; else a crates.io-like error. */
  async verify(jwt: string, audience: string, now: number): Promise<{ jti: string }> {
    try {
      const { payload } = await jwtVerify(jwt, this.keys.publicKey, { issuer: ISSUER, audience, currentDate: new Date(now) });
      return { jti: String(payload.jti) };
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
  ) {}

  async exchange(body: unknown, now: number): Promise<{ token: string }> {
    const jwt = (body as { jwt?: unknown } | null)?.jwt;
    if (typeof jwt !== 'string') throw new TrustedError(400, 'expected a JSON body {"jwt": "..."}');
    const { jti } = await this.issuer.verify(jwt, this.audience, now);
    if (this.usedJtis.has(jti)) throw new TrustedError(400, 'JWT has already been used');
    this.usedJtis.add(jti);
    const token = `cio_tp_${randomBytes(24).toString('hex')}`;
    this.minted.push({ token, jti, issuedAt: now, expiresAt: now + this.lifetimeMs, revokedAt: null });
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
export const TRUSTED_YANK = 'Trusted Publishing tokens do not support yanking or unyanking crates. Use an API token with the yank scope';
