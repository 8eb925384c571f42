/**
 * `nx run <crate>:publish`: one crate, resumable (see publish/publish-crate.ts). `nx run-many
 * -t publish` runs all crates as one Nx batch instead (publish/batch.ts), which saves a
 * process start per crate; `--batch=false` runs them as separate tasks, ordered by `^publish`.
 */
import { DEFAULT_RETRY } from '../core/publish-retry';
import { cargoAt } from '../effects/cargo';
import { sha256File } from '../effects/registry-client';
import { formatPreflight } from '../core/publishing/preflight';
import { ReleaseError } from '../core/release';
import type { PublishExecutorSchema } from '../executors/publish/schema';
import { startAuth } from './publish/auth';
import type { PublishContext } from './publish/publish-context';
import { authOf, runPreflight } from './publish/preflight';
import { publishCrate, type PublishDeps, type PublishOutcome } from './publish/publish-crate';

/** Publishes one crate of the workspace with the executor's options. */
export async function publishOne(
  ctx: PublishContext,
  crateName: string,
  options: PublishExecutorSchema,
  log: (line: string) => void,
  auth?: PublishDeps['auth'],
): Promise<PublishOutcome | 'private'> {
  const crate = ctx.ws.members.find((c) => c.name === crateName)!;
  if (!crate.publishable) {
    log(`${crate.name}: not published (publish = false in ${crate.manifest})`);
    return 'private';
  }
  return publishCrate(
    {
      crate: crate.name,
      version: crate.version,
      registry: ctx.registry,
      dryRun: options.dryRun ?? false,
      noVerify: options.noVerify ?? true,
      indexTimeoutMs: (options.indexTimeout ?? 300) * 1000,
      pollMs: 200,
      retry: {
        ...DEFAULT_RETRY,
        maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
        backoffMs: (options.backoff ?? DEFAULT_RETRY.backoffMs / 1000) * 1000,
        maxRateLimitWaitMs: (options.maxRateLimitWait ?? DEFAULT_RETRY.maxRateLimitWaitMs / 1000) * 1000,
      },
    },
    {
      cargo: cargoAt(ctx.cargoRoot),
      index: ctx.index(),
      sha256: sha256File,
      now: Date.now,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      log,
      auth,
    },
  );
}

/** One publish task (`--batch=false`): this crate's preflight, authentication, upload. */
export async function publish(ctx: PublishContext, crate: string, options: PublishExecutorSchema): Promise<void> {
  let finish = async () => {};
  try {
    const log = (line: string) => console.log(line);
    const dryRun = options.dryRun ?? false;
    const auth = authOf(ctx.registry);
    // One task per crate (--batch=false): the preflight covers this crate; the batch checks them all.
    const report = await runPreflight(ctx, cargoAt(ctx.cargoRoot), { crates: [crate], auth, dryRun });
    if (report.problems.length) {
      for (const line of formatPreflight(report)) console.error(line);
      throw new ReleaseError(`${crate}: refused before upload; nothing was published`, 'fix the problems above and rerun');
    }
    const run = await startAuth(ctx, auth, dryRun, log);
    finish = run.finish;
    await publishOne(ctx, crate, options, log, run.deps);
  } finally {
    await finish();
  }
}
