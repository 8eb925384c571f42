/**
 * Every secret a run holds, and the one masking of all output.
 *
 * Environment variables that hold a secret this tool knows of: registry tokens (cargo's own
 * names), GitHub tokens (and the workflow's secrets of that kind), the yank token, the train's
 * git credential variable, the GitHub Actions OIDC request pair (whoever holds it can mint a
 * publishing token), and the variables the run's settings name (`githubTokenEnv`,
 * `yankTokenVariable`). A release build runs third-party build scripts, so none of these may
 * reach it.
 *
 * The values a run holds (those variables' values, and tokens and JWTs minted during the run)
 * are remembered here, once per process, and `maskSecrets` replaces each with `***` in every
 * line printed, every error, and every program's output: a hostile server that echoes a
 * token back in its error text never gets it printed. Token shapes (JWTs, crates.io and
 * GitHub tokens) are masked even when no one remembered them.
 */
import type { Env } from './env';
import { tokenEnvVar } from './publishing/retry';
import type { ReleaseTrainOptions } from './settings/options';

const EXACT = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'CARGO_REGISTRY_TOKEN',
  // The default of the setting trustTokenVariable (a token of the trusted-publishing scope).
  'CARGO_TRUST_TOKEN',
  'CARGO_YANK_TOKEN',
  'RELEASE_TOKEN',
  'BINDINGS_TOKEN',
  'NX_RELEASE_TRAIN_GIT_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_TOKEN',
]);

/** `CARGO_REGISTRIES_<NAME>_TOKEN` (any registry), and cargo's credential-provider secret keys. */
const PATTERNS = [/^CARGO_REGISTRIES_.+_TOKEN$/, /^CARGO_REGISTRIES_.+_SECRET_KEY$/, /^CARGO_REGISTRY_SECRET_KEY$/];

/** Variables this run's settings name as holding a secret. */
const named = new Set<string>();
/** Secret values this run holds. */
const values = new Set<string>();

/** Shorter values are not masked: masking "1" or "true" would garble every line. */
const MIN_SECRET_LENGTH = 6;

/** Whatever is shaped like a token: a JWT, a crates.io token (trusted-publishing or API), a GitHub token. */
const TOKEN_SHAPES = [
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  /\bcio_tp_[A-Za-z0-9]+/g,
  /\bcio[A-Za-z0-9]{32}\b/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
];

export function isSecretEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return EXACT.has(upper) || named.has(upper) || PATTERNS.some((re) => re.test(upper));
}

/** Names too general to be secret-named here are still masked by value when they say TOKEN, SECRET or PASSWORD. */
const looksSecret = (name: string) => isSecretEnvName(name) || /TOKEN|SECRET|PASSWORD/i.test(name);

/** `env` without the secrets above (a new object; `env` is not changed). */
export function withoutSecrets<T extends Record<string, string | undefined>>(env: T): T {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isSecretEnvName(name))) as T;
}

/** The secret variables set in `env`, except `keep` (a token the program itself needs). */
export function secretNamesIn(env: Env, keep: readonly string[] = []): string[] {
  return Object.keys(env).filter((name) => isSecretEnvName(name) && !keep.includes(name));
}

/** A value to mask from now on (a token minted, a JWT received). */
export function rememberSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) values.add(value);
}

/** At the start of a run: the variables its settings name as secret, and every secret value of its environment. */
export function rememberRunSecrets(env: Env, options: Pick<ReleaseTrainOptions, 'githubTokenEnv' | 'yankTokenVariable' | 'registry'>): void {
  for (const name of [options.githubTokenEnv, options.yankTokenVariable, tokenEnvVar(options.registry)]) named.add(name.toUpperCase());
  for (const [name, value] of Object.entries(env)) if (looksSecret(name)) rememberSecret(value);
}

/** `text` with every secret the run holds (and those of `env`) replaced by `***`. */
export function maskSecrets(text: string, env: Env = {}): string {
  const all = new Set(values);
  for (const [name, value] of Object.entries(env)) if (value && value.length >= MIN_SECRET_LENGTH && looksSecret(name)) all.add(value);
  // Longest first: a secret that contains another is masked whole.
  let out = text;
  for (const secret of [...all].sort((a, b) => b.length - a.length)) if (out.includes(secret)) out = out.split(secret).join('***');
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
  return out;
}
