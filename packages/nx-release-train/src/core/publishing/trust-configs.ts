/**
 * Trusted-publishing configs (SPEC §7), pure: which config of a crate trusts this repository's
 * release workflow, what `nx release-trust` creates, what the publish preflight refuses, and the
 * events whose runs crates.io never trusts. The configs come in as data (effects/trust-configs.ts
 * lists them).
 */

/** A registry's GitHub config, as `GET …/github_configs?crate=` answers it. */
export interface GithubConfig {
  id: number;
  crate: string;
  repository_owner: string;
  repository_name: string;
  workflow_filename: string;
  environment: string | null;
}

/** What a config must name for the release workflow to publish: repository, workflow file, environment. */
export interface TrustTarget {
  /** `owner/name`. */
  repository: string;
  /** The top-level workflow's file name (`release-train.yml`). */
  workflow: string;
  environment: string;
}

/** crates.io's limit of configs per crate. */
export const MAX_CONFIGS_PER_CRATE = 5;

/** Events whose OIDC tokens crates.io refuses to exchange (SPEC §7). */
export const UNTRUSTED_EVENTS = ['workflow_run', 'pull_request_target'];

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether `config` lets `target` publish, as the exchange decides (an environment-less config matches any). */
export function trusts(config: GithubConfig, target: TrustTarget): boolean {
  const [owner, name] = target.repository.split('/');
  return (
    same(config.repository_owner, owner ?? '') &&
    same(config.repository_name, name ?? '') &&
    config.workflow_filename === target.workflow &&
    (config.environment === null || config.environment === '' || same(config.environment, target.environment))
  );
}

/** The config `release-trust` creates for a crate. */
export function configFor(crate: string, target: TrustTarget) {
  const [owner, name] = target.repository.split('/');
  return { crate, repository_owner: owner, repository_name: name, workflow_filename: target.workflow, environment: target.environment };
}

export const describeTarget = (t: TrustTarget) => `${t.repository}, workflow ${t.workflow}, environment ${t.environment}`;

/** The workflow file of `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/file.yml@refs/tags/v1`), or null. */
export function workflowFileOfRef(ref: string): string | null {
  const m = /^[^/]+\/[^/]+\/\.github\/workflows\/([^/@]+)@/.exec(ref);
  return m ? m[1] : null;
}

export type ConfigList = GithubConfig[] | { error: string };

export type TrustRow =
  | { crate: string; state: 'existing'; config: GithubConfig }
  | { crate: string; state: 'missing' }
  /** Its configs could not be listed (the registry's answer, or: not on the registry yet). */
  | { crate: string; state: 'unlisted'; error: string }
  /** At the registry's limit, none for this workflow. */
  | { crate: string; state: 'full' };

/** Per crate: a config already trusts the target, one is missing, none can be added (5 already), or the list failed. */
export function planTrust(lists: Array<{ crate: string; configs: ConfigList }>, target: TrustTarget): TrustRow[] {
  return lists.map(({ crate, configs }): TrustRow => {
    if ('error' in configs) return { crate, state: 'unlisted', error: configs.error };
    const match = configs.find((c) => trusts(c, target));
    if (match) return { crate, state: 'existing', config: match };
    if (configs.length >= MAX_CONFIGS_PER_CRATE) return { crate, state: 'full' };
    return { crate, state: 'missing' };
  });
}

export const atLimit = (crate: string) =>
  `${crate} already has ${MAX_CONFIGS_PER_CRATE} trusted-publishing configs, the registry's limit, none of them for this workflow; ` +
  `delete one it no longer needs on the registry (crate settings, Trusted Publishing), then rerun nx release-trust`;

/** The table release-trust prints: crate, what happened, the config. */
export function formatTrustTable(rows: Array<{ crate: string; outcome: string; detail: string }>): string[] {
  const w = Math.max(5, ...rows.map((r) => r.crate.length));
  const o = Math.max(7, ...rows.map((r) => r.outcome.length));
  return [`${'crate'.padEnd(w)}  ${'config'.padEnd(o)}  detail`, ...rows.map((r) => `${r.crate.padEnd(w)}  ${r.outcome.padEnd(o)}  ${r.detail}`)];
}

export interface TrustProblem {
  crate: string | null;
  message: string;
  fix: string;
}

/** The preflight's refusals: every crate of the run without a config trusting this run, all at once. */
export function missingTrust(lists: Array<{ crate: string; configs: ConfigList }>, target: TrustTarget, where: string): TrustProblem[] {
  const fix = `run \`nx release-trust\` (it adds ${describeTarget(target)} to each crate on ${where}), then rerun`;
  const out: TrustProblem[] = [];
  for (const row of planTrust(lists, target)) {
    if (row.state === 'existing') continue;
    if (row.state === 'unlisted') {
      out.push({
        crate: row.crate,
        message: `cannot list the trusted-publishing configs of ${row.crate} on ${where}: ${row.error}`,
        fix: 'check the registry and the token in the variable the setting trustTokenVariable names, then rerun',
      });
      continue;
    }
    out.push({
      crate: row.crate,
      message: `${row.crate} has no trusted-publishing config on ${where} for this run (${describeTarget(target)}): its upload would be refused`,
      fix: row.state === 'full' ? atLimit(row.crate) : fix,
    });
  }
  return out;
}

/** A run started by an event whose OIDC tokens the registry refuses: refused before the exchange. */
export function untrustedEventProblem(event: string | undefined, workflow: string): TrustProblem | null {
  if (!event || !UNTRUSTED_EVENTS.includes(event)) return null;
  return {
    crate: null,
    message: `this run was started by a \`${event}\` event, whose OIDC tokens crates.io refuses for trusted publishing`,
    fix: `publish from a run started by \`push\` of a release tag, \`release\` or \`workflow_dispatch\` (the generated ${workflow} publishes on tag pushes only)`,
  };
}
