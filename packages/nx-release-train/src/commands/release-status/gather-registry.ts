/**
 * What the registry index shows of each line's newest tag (read-only): which of the tag's
 * publishable crates are in, per publish wave, and which superseded candidates are still not
 * yanked (core/publishing/yank-plan.ts, the rule `release-yank` applies).
 */
import type { Env } from '../../core/env';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import { publishOrder } from '../../core/publishing/order';
import { planYanks, type YankCrate } from '../../core/publishing/yank-plan';
import type { GatheredLine, PublishProgress } from '../../core/status/types';
import { registryIndexUrl } from '../../effects/cargo-config';
import type { IndexClient } from '../../effects/registry-client';
import type { Services } from '../services';
import type { GitTag, Snapshots } from './gather-git';

/** The token cargo would use for the registry (sent only when its index requires auth). */
function tokenOf(options: ReleaseTrainOptions, env: Env): string | undefined {
  if (!options.registry || options.registry === 'crates-io') return env.CARGO_REGISTRY_TOKEN;
  return env[`CARGO_REGISTRIES_${options.registry.toUpperCase().replaceAll('-', '_')}_TOKEN`];
}

/** The index client, or why there is none (a registry cargo's configuration does not name). */
export function indexOf(services: Services, options: ReleaseTrainOptions, env: Env): { index: IndexClient; url: string } | { skipped: string } {
  try {
    const url = registryIndexUrl(services.root, options.registry, { ...env });
    return { index: services.registry.index(url, tokenOf(options, env)), url };
  } catch (e) {
    return { skipped: (e as Error).message };
  }
}

export async function publishProgress(snap: Snapshots, tag: GitTag, options: ReleaseTrainOptions, index: IndexClient): Promise<PublishProgress> {
  const ws = (await snap(tag.commit)).workspace;
  const waves = publishOrder(ws).waves;
  const waveOf = new Map(waves.flatMap((names, i) => names.map((n) => [n, i] as const)));
  const crates = ws.members.filter((c) => c.publishable);
  const read: YankCrate[] = [];
  for (const c of crates) {
    // An unreachable index throws here: the caller says so once and skips the registry.
    const versions = await index.versions(c.name);
    read.push({ name: c.name, version: c.version, manifest: c.manifest, index: versions.map((v) => ({ vers: v.vers, yanked: v.yanked })) });
  }
  const yanks = planYanks(read, options.candidateSuffix, options.devSuffix);
  const progress = read.map((c) => ({
    name: c.name,
    version: c.version,
    wave: waveOf.get(c.name) ?? 0,
    published: Array.isArray(c.index) && c.index.some((v) => v.vers === c.version),
  }));
  progress.sort((a, b) => a.wave - b.wave || a.name.localeCompare(b.name));
  return {
    published: progress.filter((c) => c.published).length,
    total: progress.length,
    crates: progress,
    unyanked: yanks.yank.map((y) => `${y.crate}@${y.version}`),
  };
}

/** Fills `publish` of every line with a newest tag; the first failure skips the registry. */
export async function gatherRegistry(
  snap: Snapshots,
  lines: GatheredLine[],
  tags: GitTag[],
  options: ReleaseTrainOptions,
  index: IndexClient,
): Promise<string | null> {
  for (const line of lines) {
    const tag = line.newestTag && tags.find((t) => t.name === line.newestTag!.name);
    if (!tag) continue;
    try {
      line.publish = await publishProgress(snap, tag, options, index);
    } catch (e) {
      for (const l of lines) l.publish = null;
      return (e as Error).message;
    }
  }
  return null;
}
