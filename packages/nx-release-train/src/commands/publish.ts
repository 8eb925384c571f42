/**
 * `nx run <crate>:publish`: one crate, resumable (see publish/publish-crate.ts). `nx run-many
 * -t publish` runs all crates as one Nx batch instead (publish/publish-all.ts), which saves a
 * process start per crate; `--batch=false` runs them as separate tasks, ordered by `^publish`.
 */
import type { PublishFlags } from '../core/flags/publish';
import { INDEX_POLL } from '../core/publishing/index-poll';
import { retryPolicy, type RetryPolicy } from '../core/publishing/retry';
import type { PublishAuth } from '../core/publishing/trusted';
import { formatPreflight } from '../core/publishing/upload-checks';
import { ReleaseError } from '../core/release';
import { uploadCrate } from '../effects/crate-upload';
import { sha256File } from '../effects/registry-client';
import type { Command, CommandInput } from './command';
import { envReads, OIDC_REQUEST } from '../core/env-reads';
import { tokenEnvVar } from '../core/publishing/retry';
import { startAuth, type OidcRequest } from './publish/auth';
import { publishCrate, type PublishDeps, type PublishOutcome } from './publish/publish-crate';
import { crateOf, publishTarget, registryEnvReads, resolveRegistry, type PublishTarget, type RegistryRequest } from './publish/publish-target';
import { authOf, runPreflight } from './publish/upload-checks';
import type { Services } from './services';

export interface PublishRequest extends RegistryRequest {
  dryRun: boolean;
  noVerify: boolean;
  indexTimeoutMs: number;
  retry: RetryPolicy;
  /** Crates published at once by a batch (the largest of its tasks' wins). */
  concurrency: number;
  /** How the run authenticates, from what the environment holds. */
  auth: PublishAuth;
  oidc: OidcRequest;
}

export function resolvePublish(input: CommandInput<PublishFlags>): PublishRequest {
  const { flags, env } = input;
  const registry = resolveRegistry(input);
  return {
    ...registry,
    dryRun: flags.dryRun,
    noVerify: flags.noVerify,
    indexTimeoutMs: flags.indexTimeout * 1000,
    retry: retryPolicy(flags),
    concurrency: flags.concurrency,
    auth: authOf(registry.registry, env),
    oidc: {
      requestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL || undefined,
      requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN || undefined,
      retry: retryPolicy(flags),
    },
  };
}

/** Publishes the request's crate to `target` (preflight and authentication done by the caller). */
export async function publishOne(
  target: PublishTarget,
  req: PublishRequest,
  services: Services,
  log: (line: string) => void,
  auth?: PublishDeps['auth'],
  uploaded?: () => void,
): Promise<PublishOutcome | 'private'> {
  const crate = crateOf(target, req.project);
  if (!crate.publishable) {
    log(`${crate.name}: not published (publish = false in ${crate.manifest})`);
    return 'private';
  }
  // The preflight packaged it (and built cargo's metadata for it): that `.crate` is uploaded.
  const prepared = target.prepared.get(crate.name);
  if (!prepared) throw new ReleaseError(`${crate.name}: the preflight did not package it, so there is nothing to upload`, 'rerun publish');
  return publishCrate(
    {
      crate: crate.name,
      version: crate.version,
      registry: target.registry,
      file: prepared.file,
      cksum: prepared.cksum,
      inIndex: target.indexRead.get(crate.name),
      token: req.token,
      dryRun: req.dryRun,
      indexTimeoutMs: req.indexTimeoutMs,
      poll: INDEX_POLL,
      retry: req.retry,
    },
    {
      upload: async (token) => uploadCrate(await target.apiUrl(), token, prepared, { now: () => services.clock.now(), fetch: services.registry.fetch }),
      index: target.index(),
      sha256: sha256File,
      now: () => services.clock.now(),
      sleep: (ms) => services.clock.sleep(ms),
      log,
      auth,
      uploaded,
      indexDelays: target.indexDelays,
    },
  );
}

/** One publish task (`--batch=false`): this crate's preflight, authentication, upload. */
export async function publish(req: PublishRequest, services: Services): Promise<PublishOutcome | 'private'> {
  let finish = async () => {};
  try {
    const log = (line: string) => services.log.info(line);
    const target = publishTarget(req, services);
    const crate = crateOf(target, req.project).name;
    // One task per crate (--batch=false): the preflight covers this crate; the batch checks them all.
    const report = await runPreflight(target, services.clock, { crates: [crate], auth: req.auth, dryRun: req.dryRun, verify: !req.noVerify });
    if (report.problems.length) {
      for (const line of formatPreflight(report)) services.log.error(line);
      throw new ReleaseError(`${crate}: refused before upload; nothing was published`, 'fix the problems above and rerun');
    }
    const run = await startAuth(target, req.auth, req.oidc, req.dryRun, services, log);
    finish = run.finish;
    return await publishOne(target, req, services, log, run.deps);
  } finally {
    await finish();
  }
}

export const publishCommand: Command<PublishFlags, PublishRequest, PublishOutcome | 'private'> = {
  name: 'publish',
  resolve: resolvePublish,
  // An upload needs the registry's token, or GitHub's OIDC request pair (trusted publishing).
  env: ({ flags, options }) =>
    envReads(registryEnvReads(flags, options), {
      optional: OIDC_REQUEST,
      anyOf: flags.dryRun ? [] : [[tokenEnvVar(flags.registry !== undefined ? flags.registry : options.registry)], OIDC_REQUEST],
    }),
  run: publish,
};
