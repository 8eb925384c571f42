/**
 * What the publishing commands (publish, publish-plan, verify, release-yank) share: the
 * registry they work on, chosen once in `resolve` (--registry over the setting, the token
 * read from the environment there), and at run time the workspace model, the Cargo root,
 * cargo there and an index client for that registry.
 */
import path from 'node:path';
import { ReleaseError } from '../../core/errors';
import type { Crate, Workspace } from '../../core/model';
import { registryNameProblem } from '../../core/settings/ref-name';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import { dirOf } from '../../core/paths';
import { tokenEnvVar } from '../../core/publishing/retry';
import { envReads, githubReads, registryReads } from '../../core/env-reads';
import type { Cargo } from '../../effects/cargo';
import type { PreparedCrate } from '../../effects/crate-upload';
import { registryIndexUrl } from '../../effects/cargo-config';
import type { IndexClient, IndexVersion } from '../../effects/registry-client';
import type { DelaySample } from '../../core/publishing/index-poll';
import { resolveGitHubTarget } from '../../core/github-target';
import type { CommandInput, Env } from '../command';
import type { Services } from '../services';
import type { TrustCheckContext, TrustCheckRequest } from './trust-check';

export interface RegistryRequest {
  options: ReleaseTrainOptions;
  /** The registry: --registry, else the setting; null is crates.io. */
  registry: string | null;
  /** Who named it (a bad name is refused naming the flag or the setting). */
  registryFrom: 'flag' | 'setting';
  /** The registry's token (CARGO_REGISTRY_TOKEN or CARGO_REGISTRIES_<NAME>_TOKEN): index reads and cargo. Never printed. */
  token?: string;
  /** Cargo's own configuration variables (CARGO_HOME, CARGO_REGISTRIES_<NAME>_INDEX), read as cargo reads them. */
  cargoEnv: Env;
  /** The project the task runs for (per-crate targets). */
  project?: { name: string; root?: string };
  /** What the trusted-publishing check of the preflight reads from the environment. */
  trust: TrustCheckRequest;
}

/** What `resolveRegistry` reads: the registry's token and cargo's own variables. */
export function registryEnvReads(flags: { registry?: string }, options: Pick<ReleaseTrainOptions, 'registry' | 'trustTokenVariable' | 'githubTokenEnv'>) {
  return envReads(
    registryReads(flags.registry !== undefined ? flags.registry : options.registry),
    // The trusted-publishing preflight (trust-check.ts): its token, the run's event and workflow, the repository.
    { optional: [options.trustTokenVariable, 'GITHUB_EVENT_NAME', 'GITHUB_WORKFLOW_REF'] },
    githubReads(options, false),
  );
}

/** The registry part of a publishing command's request: flag > setting > crates.io; token from the environment. */
export function resolveRegistry(input: CommandInput<{ registry?: string }>): RegistryRequest {
  const { flags, options, env } = input;
  const registry = flags.registry !== undefined ? flags.registry : options.registry;
  const cargoEnv = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('CARGO_') && !k.endsWith('_TOKEN')));
  return {
    options,
    registry,
    registryFrom: flags.registry !== undefined ? 'flag' : 'setting',
    token: env[tokenEnvVar(registry)] || undefined,
    cargoEnv,
    project: input.project,
    trust: {
      variable: options.trustTokenVariable,
      token: env[options.trustTokenVariable] || undefined,
      event: env.GITHUB_EVENT_NAME || undefined,
      workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
      github: resolveGitHubTarget(options, env),
    },
  };
}

export interface PublishTarget {
  ws: Workspace;
  options: ReleaseTrainOptions;
  registry: string | null;
  /** Directory of the Cargo workspace root (where cargo runs). */
  cargoRoot: string;
  cargo: Cargo;
  /** The registry's index URL from cargo's configuration. */
  indexUrl(): string;
  index(): IndexClient;
  /** The registry's publish API root (its index's config.json), read once. */
  apiUrl(): Promise<string>;
  /** What the preflight packaged, by crate: the `.crate` files uploaded as they are (package once), with their checksums. */
  prepared: Map<string, PreparedCrate & { cksum: string }>;
  /** The index's versions of each crate as the preflight read them: the uploads do not read them again. */
  indexRead: Map<string, IndexVersion[]>;
  /** How long this run's uploads took to show in the index (learned as they show; core/publishing/index-poll.ts). */
  indexDelays: DelaySample[];
  /** The trusted-publishing check of the preflight (commands/publish/trust-check.ts). */
  trust: TrustCheckContext;
}

export function publishTarget(req: RegistryRequest, services: Services): PublishTarget {
  // The model the graph built, from its cache when the manifests are unchanged.
  const ws = services.model();
  const errors = ws.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) {
    throw new ReleaseError('the Cargo workspace has problems; nothing was published', 'fix every problem listed, then rerun', { problems: errors });
  }
  const { registry } = req;
  const badName = registry === null ? null : registryNameProblem(registry);
  // The flag is named when the flag gave the name: the setting may be fine.
  if (badName) {
    const where = req.registryFrom === 'flag' ? '--registry' : 'setting "registry" in nx.json';
    throw new ReleaseError(
      `${where}=${JSON.stringify(registry)} ${badName}`,
      "name a registry from cargo's configuration ([registries.<name>]), or leave it out for crates.io",
    );
  }
  const cargoRoot = path.join(services.root, dirOf(ws.rootManifest));
  const indexUrl = () => registryIndexUrl(cargoRoot, registry, req.cargoEnv as NodeJS.ProcessEnv);
  let client: IndexClient | undefined;
  let api: Promise<string> | undefined;
  return {
    ws,
    options: req.options,
    registry,
    cargoRoot,
    cargo: services.cargo(cargoRoot),
    indexUrl,
    index: () => (client ??= services.registry.index(indexUrl(), req.token)),
    apiUrl: () => (api ??= services.registry.apiUrl(indexUrl(), req.token)),
    prepared: new Map(),
    indexRead: new Map(),
    indexDelays: [],
    trust: { request: req.trust, options: req.options, registryToken: req.token, indexUrl, registry: services.registry, git: services.git() },
  };
}

/** The crate behind the project the task runs for (`root`: the project's directory). */
export function crateOf(target: PublishTarget, project: { name: string; root?: string } | undefined): Crate {
  const name = project?.name ?? '';
  // By directory first: a project.json may rename a crate's project (even to another crate's name).
  const crate = target.ws.members.find((c) => project?.root !== undefined && c.dir === project.root) ?? target.ws.members.find((c) => c.name === name);
  if (!crate) {
    throw new ReleaseError(
      `project "${name}" is not a member of the Cargo workspace at ${target.ws.rootManifest}`,
      'run the target on a project inferred by nx-release-train (`nx show projects`)',
    );
  }
  return crate;
}

export const registryKey = (registry: string | null) => registry ?? 'crates-io';
export const registryLabel = (registry: string | null) => (registry ? `registry "${registry}"` : 'crates.io');
