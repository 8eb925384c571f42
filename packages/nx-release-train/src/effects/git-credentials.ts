/**
 * Git credentials from a token, never in arguments or URLs: a credential helper that reads a
 * variable, offered to one host only, and the redaction of whatever a failed call printed.
 * Used by the train's `--push` and by the binding clones alike.
 */

const TOKEN_VAR = 'NX_RELEASE_TRAIN_GIT_TOKEN';

/**
 * Environment for every git call: never prompt (an unreachable or private repo fails instead of
 * hanging), and, with a token, a credential helper that answers from a variable for `host`
 * (`scheme://host[:port]`, the GitHub host in use) only: git matches `credential.<url>.helper`
 * by scheme, host and port, so no other server, and not plain http, ever receives the token.
 * The helpers are appended after any GIT_CONFIG_COUNT entries already set, which stay in force.
 */
export function gitEnvironment(token: string | undefined, host: string, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  if (!token) return env;
  const n = Number(base.GIT_CONFIG_COUNT ?? 0) || 0;
  env.GIT_CONFIG_COUNT = String(n + 2);
  // An empty helper clears helpers configured elsewhere, so no stored credential is used.
  env[`GIT_CONFIG_KEY_${n}`] = 'credential.helper';
  env[`GIT_CONFIG_VALUE_${n}`] = '';
  env[`GIT_CONFIG_KEY_${n + 1}`] = `credential.${host}.helper`;
  env[`GIT_CONFIG_VALUE_${n + 1}`] = `!f() { test "$1" = get && echo username=x-access-token && echo "password=$${TOKEN_VAR}"; }; f`;
  env[TOKEN_VAR] = token;
  return env;
}

/** A message about a failed git call, without credentials that a URL may carry. */
export function redact(text: string, token?: string): string {
  const noUserInfo = text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1***@');
  return token ? noUserInfo.split(token).join('***') : noUserInfo;
}
