/**
 * The environment variables a command reads, declared once beside its `resolve` (which is
 * where it reads them): what a CI step must give it (`required`), what it reads when present
 * (`optional`), groups of which one must be complete (`anyOf`: a registry token, or GitHub's
 * OIDC request pair), and prefixes of variables it passes along as a group (cargo's own).
 * A unit test holds each `resolve` to its declaration, and the generated workflow's steps to
 * the declarations of the commands they run. Pure.
 */
import { flagEnv, SWALLOWED_FLAGS } from './argv';
import { tokenEnvVar } from './publishing/retry';
import type { ReleaseTrainOptions } from './settings/options';

export interface EnvReads {
  /** Given by every step that runs the command with these flags (else it fails there). */
  required: string[];
  /** Read when present. */
  optional: string[];
  /** At least one group whose every variable is given. */
  anyOf?: string[][];
  /** Variables starting with one of these are read as a group (and passed along). */
  prefixes?: string[];
}

/** Whether `name` is among what `reads` declares. */
export function declares(reads: EnvReads, name: string): boolean {
  return (
    reads.required.includes(name) ||
    reads.optional.includes(name) ||
    (reads.anyOf ?? []).some((group) => group.includes(name)) ||
    (reads.prefixes ?? []).some((p) => name.startsWith(p))
  );
}

/** Declarations added together (a command made of parts). */
export function envReads(...parts: Array<Partial<EnvReads>>): EnvReads {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const required = uniq(parts.flatMap((p) => p.required ?? []));
  return {
    required,
    optional: uniq(parts.flatMap((p) => p.optional ?? [])).filter((n) => !required.includes(n)),
    anyOf: parts.flatMap((p) => p.anyOf ?? []),
    prefixes: uniq(parts.flatMap((p) => p.prefixes ?? [])),
  };
}

/** What core/github-target.ts reads: the token (required when the command talks to GitHub) and the runner's GitHub variables. */
export function githubReads(options: Pick<ReleaseTrainOptions, 'githubTokenEnv'>, needsToken: boolean): Partial<EnvReads> {
  const context = ['GITHUB_REPOSITORY', 'GITHUB_SERVER_URL', 'GITHUB_API_URL', 'GITHUB_ACTOR'];
  return needsToken ? { required: [options.githubTokenEnv], optional: context } : { optional: [options.githubTokenEnv, ...context] };
}

/** The OIDC request pair GitHub Actions gives a job with `permissions: id-token: write`. */
export const OIDC_REQUEST = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

/** What a publishing command reads for its registry (commands/publish/publish-target.ts): the token and cargo's configuration. */
export function registryReads(registry: string | null): Partial<EnvReads> {
  return { optional: [tokenEnvVar(registry)], prefixes: ['CARGO_'] };
}

/** The variables the plugin's hook hands Nx-swallowed flags in (core/argv.ts). */
export function swallowedReads(command: string): Partial<EnvReads> {
  return { optional: (SWALLOWED_FLAGS[command] ?? []).map(flagEnv) };
}
