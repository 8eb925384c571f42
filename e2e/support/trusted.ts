/**
 * A publishing setup in crates.io's trusted-publishing mode (the local registry matches the
 * OIDC claims against each crate's configs and scopes the token to them): every crate already
 * has an earlier version (trusted publishing cannot create a crate), and the environment of
 * the generated workflow's publish job on a tag push, with the trust token.
 */
import type { GithubConfig } from '../../tools/local-registry';
import { setupPublish, type PublishSetup } from './publish';

/** What GitHub sets for the generated workflow's run on a tag (the OIDC stand-in's default claims match it). */
export const WORKFLOW_REF = 'local/workspace/.github/workflows/release-train.yml@refs/tags/v5.0.0';

export async function setupTrusted(): Promise<PublishSetup> {
  const s = await setupPublish({ trustedConfigs: true });
  for (const name of s.crates.keys()) s.reg.seed({ name, vers: '0.0.1', deps: [], features: {} }, Buffer.from(name));
  return s;
}

export function trustedEnv(s: PublishSetup, over: Record<string, string> = {}): Record<string, string> {
  return {
    ...s.oidcEnv,
    CARGO_TRUST_TOKEN: s.reg.trustToken,
    GITHUB_REPOSITORY: 'local/workspace',
    GITHUB_WORKFLOW_REF: WORKFLOW_REF,
    GITHUB_EVENT_NAME: 'push',
    ...over,
  };
}

/** A config body as release-trust would create it for this repository's workflow. */
export function configOf(crate: string, over: Partial<GithubConfig> = {}) {
  return { crate, repository_owner: 'local', repository_name: 'workspace', workflow_filename: 'release-train.yml', environment: 'publish', ...over };
}
