/**
 * The trusted-publishing part of the preflight (SPEC §7): under trusted publishing, before the
 * exchange and before anything is uploaded, a run started by an event crates.io never trusts is
 * refused, and every crate to upload must have a config trusting this run (repository, the
 * workflow file of GITHUB_WORKFLOW_REF, the publish environment), listed with the token of the
 * trusted-publishing scope (setting trustTokenVariable). Without that token the configs are not
 * checked, and the report says so.
 */
import {
  describeTarget,
  missingTrust,
  untrustedEventProblem,
  workflowFileOfRef,
  type ConfigList,
  type TrustProblem,
} from '../../core/publishing/trust-configs';
import { ReleaseError } from '../../core/release';
import type { GitHubTargetRequest } from '../../core/github-target';
import { githubRepository } from '../../effects/github-target';
import type { Git } from '../../effects/git';
import type { RegistryServices } from '../../effects/registry-services';
import type { TrustConfigsClient } from '../../effects/trust-configs';
import type { ReleaseTrainOptions } from '../../core/settings/options';

/** What resolve reads from the environment for the check (values never printed). */
export interface TrustCheckRequest {
  /** Setting trustTokenVariable, and the token in it. */
  variable: string;
  token?: string;
  /** GITHUB_EVENT_NAME and GITHUB_WORKFLOW_REF of the run. */
  event?: string;
  workflowRef?: string;
  github: GitHubTargetRequest;
}

/** What the check needs at run time. */
export interface TrustCheckContext {
  request: TrustCheckRequest;
  options: ReleaseTrainOptions;
  registryToken?: string;
  indexUrl(): string;
  registry: RegistryServices;
  git: Git;
}

/** The configs API of a registry, with the trust token; refused naming the variable without one. */
export async function trustClient(
  registryToken: string | undefined,
  variable: string,
  token: string | undefined,
  indexUrl: string,
  registry: RegistryServices,
): Promise<TrustConfigsClient> {
  if (!token) {
    throw new ReleaseError(
      `${variable} is not set: the registry's trusted-publishing configs need an API token with the trusted-publishing scope`,
      `create such a token on the registry (crates.io: Account Settings, API Tokens, scope trusted-publishing) and export it as ${variable}, or name another variable in the setting trustTokenVariable`,
    );
  }
  return registry.trustConfigs(await registry.apiUrl(indexUrl, registryToken), token);
}

/** Every crate's configs, listed at once; a crate the registry does not know yet says so. */
export async function listConfigs(client: TrustConfigsClient, crates: string[], where: string) {
  return Promise.all(
    crates.map(async (crate): Promise<{ crate: string; configs: ConfigList }> => {
      const answer = await client.list(crate);
      if (answer.ok) return { crate, configs: answer.value };
      if (answer.status === 404) return { crate, configs: { error: `${crate} is not on ${where} yet (publish it once by hand with a token first)` } };
      return { crate, configs: { error: answer.detail } };
    }),
  );
}

/** A run whose event crates.io never trusts: refused at once, before packaging and before the exchange. */
export function eventRefusal(ctx: TrustCheckContext): TrustProblem | null {
  return untrustedEventProblem(ctx.request.event, ctx.options.releaseWorkflow);
}

/** The refusals and notes of the configs check, for the crates about to be uploaded. */
export async function checkTrust(
  ctx: TrustCheckContext,
  crates: string[],
  where: string,
  offline: boolean,
): Promise<{ problems: TrustProblem[]; notes: string[] }> {
  const { request, options } = ctx;
  if (!crates.length) return { problems: [], notes: [] };
  if (offline) return { problems: [], notes: ['trusted-publishing configs not checked (offline)'] };
  if (!request.token) {
    return {
      problems: [],
      notes: [
        `trusted-publishing configs not checked: ${request.variable} is not set (setting trustTokenVariable; a token of the trusted-publishing scope lists them); a crate without one is refused only at its upload`,
      ],
    };
  }
  const fromRef = request.workflowRef ? workflowFileOfRef(request.workflowRef) : null;
  const target = {
    repository: await githubRepository(request.github, ctx.git, options.remote),
    workflow: fromRef ?? options.releaseWorkflow,
    environment: options.publishEnvironment,
  };
  const client = await trustClient(ctx.registryToken, request.variable, request.token, ctx.indexUrl(), ctx.registry);
  const problems = missingTrust(await listConfigs(client, crates, where), target, where);
  const source = fromRef ? 'GITHUB_WORKFLOW_REF' : 'setting releaseWorkflow (GITHUB_WORKFLOW_REF unset)';
  return {
    problems,
    notes: problems.length ? [] : [`trusted-publishing configs: ${crates.length} checked for ${describeTarget(target)} (workflow from ${source})`],
  };
}
