/**
 * `nx release-trust`: makes every publishable crate trust this repository's release workflow
 * for trusted publishing (SPEC §7). Lists each crate's GitHub configs first, creates only the
 * missing ones (repository from the one GitHub target, workflow file and environment from the
 * settings the ci-workflow generator writes the workflow from), never deletes one; a crate
 * already at the registry's 5 configs is refused by name. A rerun creates nothing.
 */
import type { ReleaseTrustFlags } from '../core/flags/release-trust';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import { atLimit, configFor, formatTrustTable, planTrust, type GithubConfig, type TrustTarget } from '../core/publishing/trust-configs';
import { githubRepository } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import { publishTarget, registryEnvReads, registryLabel, resolveRegistry, type RegistryRequest } from './publish/publish-target';
import { listConfigs, trustClient } from './publish/trust-check';
import type { Services } from './services';
import { envReads } from '../core/env-reads';

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

const describeConfig = (c: Pick<GithubConfig, 'repository_owner' | 'repository_name' | 'workflow_filename' | 'environment'>) =>
  `${c.repository_owner}/${c.repository_name} ${c.workflow_filename}${c.environment ? ` (environment ${c.environment})` : ' (any environment)'}`;

/** Returns false when a crate was refused (each named in the table). */
export async function releaseTrust(req: ReleaseTrustRequest, services: Services): Promise<boolean> {
  const ctx = publishTarget(req, services);
  const where = registryLabel(ctx.registry);
  const repository = await githubRepository(req.github, services.git(), req.options.remote);
  const target: TrustTarget = { repository, workflow: req.workflow, environment: req.environment };
  const client = await trustClient(req.token, req.trustTokenVariable, req.trustToken, ctx.indexUrl(), services.registry);
  const crates = ctx.ws.members.filter((c) => c.publishable).map((c) => c.name);
  const plan = planTrust(await listConfigs(client, crates, where), target);
  const rows: Array<{ crate: string; outcome: string; detail: string }> = [];
  const count = { existing: 0, created: 0, refused: 0 };
  for (const row of plan) {
    if (row.state === 'existing') {
      count.existing += 1;
      rows.push({ crate: row.crate, outcome: 'existing', detail: `#${row.config.id} ${describeConfig(row.config)}` });
    } else if (row.state === 'unlisted' || row.state === 'full') {
      count.refused += 1;
      rows.push({ crate: row.crate, outcome: 'refused', detail: row.state === 'full' ? atLimit(row.crate) : `its configs could not be listed: ${row.error}` });
    } else if (req.dryRun) {
      count.created += 1;
      rows.push({ crate: row.crate, outcome: 'would create', detail: describeConfig(configFor(row.crate, target)) });
    } else {
      // One at a time: the registry sees the same order as the table.
      const made = await client.create(configFor(row.crate, target));
      if (made.ok) {
        count.created += 1;
        rows.push({ crate: row.crate, outcome: 'created', detail: `#${made.value.id} ${describeConfig(made.value)}` });
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
  if (count.refused)
    services.log.error(
      `release-trust: refused: ${rows
        .filter((r) => r.outcome === 'refused')
        .map((r) => r.crate)
        .join(', ')}`,
    );
  return count.refused === 0;
}

export const releaseTrustCommand: Command<ReleaseTrustFlags, ReleaseTrustRequest, boolean> = {
  name: 'release-trust',
  resolve: resolveReleaseTrust,
  // The configs API needs a token of the trusted-publishing scope, even to list.
  env: ({ flags, options }) => envReads(registryEnvReads(flags, options), { required: [options.trustTokenVariable] }),
  run: releaseTrust,
};
