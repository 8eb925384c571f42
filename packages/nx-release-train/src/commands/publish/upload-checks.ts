/**
 * Gathers what the checks before the first upload look at (core/publishing/upload-checks.ts): the publish order, each
 * crate's index entry, and every crate packaged once (`cargo package -p ... --no-verify`)
 * with its size and checksum; under trusted publishing, the run's event and each crate's
 * trusted-publishing configs (trust-check.ts). Used by `publish` before its first upload and by `publish-plan`.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { publishOrder } from '../../core/publishing/order';
import { publishAuth, type PublishAuth } from '../../core/publishing/trusted';
import { checkPreflight, DEFAULT_MAX_CRATE_BYTES, type PreflightCrate, type PreflightReport } from '../../core/publishing/upload-checks';
import { tokenEnvVar } from '../../core/publishing/retry';
import type { Clock } from '../../effects/clock';
import { prepareCrate } from '../../effects/crate-upload';
import { sha256File } from '../../effects/registry-client';
import type { Env } from '../command';
import { registryKey, registryLabel, type PublishTarget } from './publish-target';
import { checkTrust, eventRefusal } from './trust-check';

/** How a run authenticates: a token variable, else GitHub Actions OIDC (presence only; pure, for resolve). */
export function authOf(registry: string | null, env: Env): PublishAuth {
  const variable = tokenEnvVar(registry);
  return publishAuth({
    tokenVariable: variable,
    hasToken: Boolean(env[variable]),
    hasOidcRequestUrl: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL),
    hasOidcRequestToken: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
  });
}

export interface PreflightRun {
  crates: string[];
  auth: PublishAuth;
  dryRun: boolean;
  /** Plan without the network: no index reads, no packaging. */
  offline?: boolean;
  /** Let cargo package build each crate (publish's --no-verify=false): once, here, for all of them. */
  verify?: boolean;
}

/** The limit for a registry (`maxCrateSize.<name>`, else crates.io's 10 MiB); the settings schema has checked the values. */
function maxCrateBytes(setting: Record<string, number>, key: string): number {
  return setting[key] ?? DEFAULT_MAX_CRATE_BYTES;
}

const tail = (text: string, n = 8) => text.trim().split('\n').slice(-n).join('\n');

/** A packaged crate's size and checksum, and the upload cargo would make of it (kept on the target). */
async function readPackaged(ctx: PublishTarget, name: string, file: string): Promise<PreflightCrate['packaged']> {
  const crate = ctx.ws.members.find((c) => c.name === name)!;
  const cksum = await sha256File(file);
  try {
    const dir = path.join(ctx.cargoRoot, path.relative(path.dirname(ctx.ws.rootManifest), crate.dir));
    ctx.prepared.set(name, { ...(await prepareCrate(file, dir, ctx.registry === null ? null : ctx.indexUrl())), cksum });
  } catch (e) {
    return { error: `cannot read the upload metadata from ${file}: ${(e as Error).message}` };
  }
  return { file, bytes: (await stat(file)).size, cksum };
}

export async function runPreflight(ctx: PublishTarget, clock: Clock, run: PreflightRun): Promise<PreflightReport> {
  const event = run.auth.mode === 'trusted' ? eventRefusal(ctx.trust) : null;
  if (event) return { problems: [event], upload: [], present: [], newCrates: [], notes: [] };
  const members = new Map(ctx.ws.members.map((c) => [c.name, c]));
  const names = run.crates.filter((n) => members.get(n)?.publishable);
  const order = publishOrder(ctx.ws);
  const index = new Map<string, PreflightCrate['index']>();
  // The index is read while cargo packages: both are on the way to the first upload.
  const reading = Promise.all(
    names.map(async (n) => {
      if (run.offline) return void index.set(n, null);
      try {
        const versions = await ctx.index().versions(n);
        index.set(n, versions);
        ctx.indexRead.set(n, versions);
      } catch (e) {
        index.set(n, { error: (e as Error).message });
      }
    }),
  );
  let packagingError: string | undefined;
  const packaged = new Map<string, PreflightCrate['packaged']>();
  if (!run.offline && names.length) {
    const since = clock.now();
    // One cargo process packages them all; these files are what gets uploaded.
    const result = await ctx.cargo.package(names, { registry: ctx.registry, verify: run.verify ?? false, offline: false });
    if (result.exitCode !== 0) packagingError = tail(result.stderr);
    await Promise.all(
      names.map(async (n) => {
        const version = members.get(n)!.version;
        const file = result.exitCode === 0 ? await ctx.cargo.packagedCrate(n, version, since) : null;
        if (file) packaged.set(n, await readPackaged(ctx, n, file));
        else if (result.exitCode === 0) packaged.set(n, { error: `cargo package left no ${n}-${version}.crate` });
        else packaged.set(n, null);
      }),
    );
  }
  await reading;
  const key = registryKey(ctx.registry);
  const report = checkPreflight({
    crates: names.map((n) => ({
      name: n,
      version: members.get(n)!.version,
      manifest: members.get(n)!.manifest,
      packaged: packaged.get(n) ?? null,
      index: index.get(n) ?? null,
    })),
    where: registryLabel(ctx.registry),
    registryKey: key,
    maxCrateBytes: maxCrateBytes(ctx.options.maxCrateSize, key),
    auth: run.auth,
    order: order.diagnostics,
    dryRun: run.dryRun,
    packagingError,
    devSuffix: ctx.options.devSuffix,
  });
  if (run.auth.mode !== 'trusted') return report;
  // Crates trusted publishing cannot create are refused above already; the others need a config.
  const toUpload = report.upload.filter((n) => !report.newCrates.includes(n));
  const trust = await checkTrust(ctx.trust, toUpload, registryLabel(ctx.registry), Boolean(run.offline));
  return { ...report, problems: [...report.problems, ...trust.problems], notes: [...report.notes, ...trust.notes] };
}
