/**
 * `nx release-trust`: makes every publishable crate trust this repository's release workflow
 * for trusted publishing (SPEC §7). Lists each crate's GitHub configs first, creates only the
 * missing ones (repository from the one GitHub target, workflow file and environment from the
 * settings the ci-workflow generator writes the workflow from), never deletes one; a crate
 * already at the registry's 5 configs is refused by name. A rerun creates nothing.
 */
import type { ReleaseTrustFlags } from '../core/flags/release-trust';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import { atLimit, configFor, formatTrustTable, planTrust, type ConfigList, type GithubConfig, type TrustTarget } from '../core/publishing/trust-configs';
import { ReleaseError } from '../core/release';
import { githubRepository } from '../effects/github-target';
import { trustConfigsClient, type TrustConfigsClient } from '../effects/trust-configs';
import type { Command, CommandInput } from './command';
import { publishTarget, registryLabel, resolveRegistry, type RegistryRequest } from './publish/publish-target';
import type { Services } from './services';

export interface ReleaseTrustRequest extends RegistryRequest {
  dryRun: boolean;
  github: GitHubTargetRequest;
  /** Setting releaseWorkflow: the generated workflow's file name. */
  workflow: string;
  /** Setting publishEnvironment: its publish job's environment. */
  environment: string;
  /** Setting trustTokenVariable, named in messages; the token itself is never printed. */
  trustTokenVariable: string;
  trustToken?: string;
}

export function resolveReleaseTrust(input: CommandInput<ReleaseTrustFlags>): ReleaseTrustRequest {
  const { flags, options, env } = input;
  return {
    ...resolveRegistry(input),
    dryRun: flags.dryRun,
    github: resolveGitHubTarget(options, env, { repository: flags.repository }),
    workflow: options.releaseWorkflow,
    environment: options.publishEnvironment,
    trustTokenVariable: options.trustTokenVariable,
    trustToken: env[options.trustTokenVariable] || undefined,
  };
}

/** The configs API of the request's registry, with the trust token; refused naming the variable without one. */
export async function trustClient(req: RegistryRequest, variable: string, token: string | undefined, indexUrl: string, services: Services) {
  if (!token) {
    throw new ReleaseError(
      `${variable} is not set: the registry's trusted-publishing configs need an API token with the trusted-publishing scope`,
      `create such a token on the registry (crates.io: Account Settings, API Tokens, scope trusted-publishing) and export it as ${variable}, or name another variable in the setting trustTokenVariable`,
    );
  }
  return trustConfigsClient(await services.registry.apiUrl(indexUrl, req.token), token, services.registry.fetch);
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

const describe = (c: Pick<GithubConfig, 'repository_owner' | 'repository_name' | 'workflow_filename' | 'environment'>) =>
  `${c.repository_owner}/${c.repository_name} ${c.workflow_filename}${c.environment ? ` (environment ${c.environment})` : ' (any environment)'}`;

/** Returns false when a crate was refused (each named in the table). */
export async function releaseTrust(req: ReleaseTrustRequest, services: Services): Promise<boolean> {
  const ctx = publishTarget(req, services);
  const where = registryLabel(ctx.registry);
  const repository = await githubRepository(req.github, services.git(), req.options.remote);
  const target: TrustTarget = { repository, workflow: req.workflow, environment: req.environment };
  const client = await trustClient(req, req.trustTokenVariable, req.trustToken, ctx.indexUrl(), services);
  const crates = ctx.ws.members.filter((c) => c.publishable).map((c) => c.name);
  const plan = planTrust(await listConfigs(client, crates, where), target);
  const rows: Array<{ crate: string; outcome: string; detail: string }> = [];
  const count = { existing: 0, created: 0, refused: 0 };
  for (const row of plan) {
    if (row.state === 'existing') {
      count.existing += 1;
      rows.push({ crate: row.crate, outcome: 'existing', detail: `#${row.config.id} ${describe(row.config)}` });
    } else if (row.state === 'refused') {
      count.refused += 1;
      rows.push({ crate: row.crate, outcome: 'refused', detail: row.reason });
    } else if (req.dryRun) {
      count.created += 1;
      rows.push({ crate: row.crate, outcome: 'would create', detail: describe(configFor(row.crate, target)) });
    } else {
      // One at a time: the registry sees the same order as the table.
      const made = await client.create(configFor(row.crate, target));
      if (made.ok) {
        count.created += 1;
        rows.push({ crate: row.crate, outcome: 'created', detail: `#${made.value.id} ${describe(made.value)}` });
      } else {
        count.refused += 1;
        rows.push({ crate: row.crate, outcome: 'refused', detail: made.status === 409 ? atLimit(row.crate) : made.detail });
      }
    }
  }
  for (const line of formatTrustTable(rows)) services.log.info(line);
  services.log.info(
    `release-trust: ${count.existing} existing, ${count.created} ${req.dryRun ? 'to create (dry run: nothing created)' : 'created'}, ${count.refused} refused on ${where} ` +
      `(${repository}, workflow ${target.workflow}, environment ${target.environment}; settings releaseWorkflow, publishEnvironment)`,
  );
  if (count.refused) services.log.error(`release-trust: refused: ${rows.filter((r) => r.outcome === 'refused').map((r) => r.crate).join(', ')}`);
  return count.refused === 0;
}

export const releaseTrustCommand: Command<ReleaseTrustFlags, ReleaseTrustRequest, boolean> = {
  name: 'release-trust',
  resolve: resolveReleaseTrust,
  run: releaseTrust,
};
