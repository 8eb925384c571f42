import { describe, expect, it } from 'vitest';
import { isSecretEnvName, withoutSecrets } from './secrets';

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
