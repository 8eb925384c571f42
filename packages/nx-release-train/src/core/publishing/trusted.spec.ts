import { describe, expect, it } from 'vitest';
import { audienceOf, needsMint, oidcTokenUrl, onAuthFailure, publishAuth, remintAt, trustedTokensUrl } from './trusted';

const env = { tokenVariable: 'CARGO_REGISTRY_TOKEN', hasToken: false, hasOidcRequestUrl: true, hasOidcRequestToken: true };

describe('trusted publishing', () => {
  it('uses a token when one is set, OIDC only without one, and says what is missing otherwise', () => {
    expect(publishAuth({ ...env, hasToken: true })).toEqual({ mode: 'token', variable: 'CARGO_REGISTRY_TOKEN' });
    expect(publishAuth(env)).toEqual({ mode: 'trusted' });
    expect(publishAuth({ ...env, hasOidcRequestToken: false })).toEqual({ mode: 'none', variable: 'CARGO_REGISTRY_TOKEN' });
  });

  it('takes the audience from the registry API host', () => {
    expect(audienceOf('https://crates.io')).toBe('crates.io');
    expect(audienceOf('https://crates.io/')).toBe('crates.io');
    expect(audienceOf('http://127.0.0.1:4321')).toBe('127.0.0.1:4321');
    expect(audienceOf('https://Registry.Example.com/api/')).toBe('registry.example.com');
    expect(() => audienceOf('not a url')).toThrow(/is not a URL/);
    expect(() => audienceOf('file:///x')).toThrow(/is not http/);
  });

  it('appends the audience to the request URL as actions/core does', () => {
    expect(oidcTokenUrl('https://gh.example/token?api-version=2.0', 'crates.io')).toBe('https://gh.example/token?api-version=2.0&audience=crates.io');
    expect(oidcTokenUrl('http://h/t', '127.0.0.1:80')).toBe('http://h/t?audience=127.0.0.1%3A80');
    expect(trustedTokensUrl('https://crates.io/')).toBe('https://crates.io/api/v1/trusted_publishing/tokens');
  });

  it('re-mints before the lifetime ends: a sixth early, at most 5 minutes early', () => {
    expect(remintAt(0, 30 * 60_000)).toBe(25 * 60_000);
    expect(remintAt(1000, 6000)).toBe(6000);
    expect(remintAt(0, 120 * 60_000)).toBe(115 * 60_000);
    expect(needsMint(null, 0, 6000)).toBe(true);
    expect(needsMint({ mintedAt: 0 }, 4999, 6000)).toBe(false);
    expect(needsMint({ mintedAt: 0 }, 5000, 6000)).toBe(true);
  });

  it('renews once on an authentication failure, then stops', () => {
    expect(onAuthFailure(false)).toBe('renew-and-retry');
    expect(onAuthFailure(true)).toBe('stop');
  });
});
