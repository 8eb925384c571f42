import { describe, expect, it } from 'vitest';
import { formatFailure, ReleaseError } from './errors';
import { maskedLog } from './log';
import { isSecretEnvName, maskSecrets, rememberRunSecrets, rememberSecret, secretNamesIn, withoutSecrets } from './secrets';

describe('secrets kept from build scripts', () => {
  it("registry, GitHub, OIDC and the train's own variables", () => {
    for (const name of [
      'CARGO_REGISTRY_TOKEN',
      'CARGO_REGISTRIES_MY_REG_TOKEN',
      'CARGO_REGISTRIES_LOCAL_TOKEN',
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'NX_RELEASE_TRAIN_GIT_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'CARGO_REGISTRY_SECRET_KEY',
    ]) {
      expect({ name, secret: isSecretEnvName(name) }).toEqual({ name, secret: true });
    }
    for (const name of ['PATH', 'CARGO_HOME', 'CARGO_REGISTRIES_MY_REG_INDEX', 'CARGO_PROFILE_RELEASE_STRIP', 'GITHUB_REPOSITORY']) {
      expect({ name, secret: isSecretEnvName(name) }).toEqual({ name, secret: false });
    }
  });

  it('strips them from an environment', () => {
    expect(withoutSecrets({ PATH: '/bin', CARGO_REGISTRIES_X_TOKEN: 's', GITHUB_TOKEN: 't' })).toEqual({ PATH: '/bin' });
  });
});

describe('the one masking of secrets', () => {
  it('keeps the workflow secrets and the variables the settings name from build scripts', () => {
    for (const name of ['CARGO_YANK_TOKEN', 'RELEASE_TOKEN', 'BINDINGS_TOKEN']) expect({ name, secret: isSecretEnvName(name) }).toEqual({ name, secret: true });
    expect(isSecretEnvName('SECRETS_SPEC_GH_KEY')).toBe(false);
    rememberRunSecrets({}, { githubTokenEnv: 'SECRETS_SPEC_GH_KEY', yankTokenVariable: 'SECRETS_SPEC_YANK_KEY', registry: null });
    expect(secretNamesIn({ SECRETS_SPEC_GH_KEY: 'a', SECRETS_SPEC_YANK_KEY: 'b', CARGO_REGISTRY_TOKEN: 'c', PATH: '/bin' }, ['CARGO_REGISTRY_TOKEN'])).toEqual([
      'SECRETS_SPEC_GH_KEY',
      'SECRETS_SPEC_YANK_KEY',
    ]);
  });

  it('masks every value the run holds, minted ones too, and whatever is shaped like a token, longest first', () => {
    rememberRunSecrets(
      { GITHUB_TOKEN: 'gh-value-1234', PATH: '/usr/bin', SHORT_TOKEN: 'abc' },
      { githubTokenEnv: 'GITHUB_TOKEN', yankTokenVariable: 'CARGO_YANK_TOKEN', registry: null },
    );
    rememberSecret('minted-secret-99');
    rememberSecret('minted-secret-99-longer');
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl';
    const text = `gh-value-1234 minted-secret-99-longer minted-secret-99 ${jwt} cio_tp_0123456789abcdef ghs_abcdefghijklmnopqrstuv /usr/bin abc`;
    expect(maskSecrets(text)).toBe('*** *** *** *** *** *** /usr/bin abc');
    expect(maskSecrets('the yank token is y-1234567', { CARGO_YANK_TOKEN: 'y-1234567' })).toBe('the yank token is ***');
  });
});

describe('every printed line', () => {
  it('passes the masking: a log line, a block and a failure (a yank refusal echoing its token)', async () => {
    rememberRunSecrets({ CARGO_YANK_TOKEN: 'yank-token-value' }, { githubTokenEnv: 'GITHUB_TOKEN', yankTokenVariable: 'CARGO_YANK_TOKEN', registry: null });
    const seen: string[] = [];
    const log = maskedLog({ info: (l) => seen.push(l), warn: (l) => seen.push(l), error: (l) => seen.push(l), block: async (t) => void seen.push(t) });
    log.error('error: crates.io refused to yank a@1.0.0-rc.1 (HTTP 403: token yank-token-value lacks the scope)');
    await log.block!('+ token = "yank-token-value"\n');
    seen.push(formatFailure(new ReleaseError('the server said: yank-token-value is invalid', 'set CARGO_YANK_TOKEN')));
    expect(seen.join('\n')).not.toContain('yank-token-value');
    expect(seen).toHaveLength(3);
  });
});
