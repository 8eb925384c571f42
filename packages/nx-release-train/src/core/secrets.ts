/**
 * Environment variables that hold a secret this tool knows of: registry tokens (cargo's own
 * names), the GitHub token, the train's git credential variable, and the GitHub Actions OIDC
 * request pair (whoever holds it can mint a publishing token). A release build runs
 * third-party build scripts, so none of these may reach it.
 */
const EXACT = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'CARGO_REGISTRY_TOKEN',
  // The default of the setting trustTokenVariable (a token of the trusted-publishing scope).
  'CARGO_TRUST_TOKEN',
  'NX_RELEASE_TRAIN_GIT_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_TOKEN',
]);

/** `CARGO_REGISTRIES_<NAME>_TOKEN` (any registry), and cargo's credential-provider secret keys. */
const PATTERNS = [/^CARGO_REGISTRIES_.+_TOKEN$/, /^CARGO_REGISTRIES_.+_SECRET_KEY$/, /^CARGO_REGISTRY_SECRET_KEY$/];

export function isSecretEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return EXACT.has(upper) || PATTERNS.some((re) => re.test(upper));
}

/** `env` without the secrets above (a new object; `env` is not changed). */
export function withoutSecrets<T extends Record<string, string | undefined>>(env: T): T {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isSecretEnvName(name))) as T;
}
