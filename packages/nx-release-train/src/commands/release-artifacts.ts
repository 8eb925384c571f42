/**
 * `nx release-artifacts`: plan, build and package this platform's archives with their `.sha256`
 * files into the output directory. It never touches GitHub: the workflow hands every
 * platform's files to its last job, whose `nx release-assets` publishes the release once
 * (immutable releases take no asset after publication). The decisions are in core/artifacts;
 * this file sequences the effects. A dry run walks the same path up to the first write.
 */
import { swallowedFlag } from '../core/argv';
import { join, relative } from 'node:path';
import { checksumLine } from '../core/artifacts/assets';
import { planInstallers, type PlannedInstaller } from '../core/artifacts/installer';
import { planArtifacts, type ArtifactsPlan } from '../core/artifacts/plan';
import { unknownTargets, type RequestedTarget } from '../core/artifacts/targets';
import { dryRunLines } from '../core/artifacts/report';
import { formatProblem, ReleaseError } from '../core/errors';
import type { ReleaseArtifactsFlags } from '../core/flags/release-artifacts';
import { listOf } from '../core/flags/define';
import type { Logger } from '../core/log';
import type { ArchiveFile } from '../core/artifacts/tar';
import type { Diagnostic } from '../core/model';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { joinPath } from '../core/paths';
import { requireArchiveTool, collectFiles, sha256File, writeTarXz } from '../effects/archive';
import { writeZip } from '../effects/zip';
import { buildMsi, requireWix } from '../effects/wix';
import { cargoBuild, cargoMetadata, hostTriple, installedTargets } from '../effects/cargo-build';
import { writeFileAtomic } from '../effects/files';
import { headCommitTime } from '../effects/release-tag';
import type { Command, CommandInput } from './command';
import { envReads, swallowedReads } from '../core/env-reads';
import { releaseVersion } from './release-artifacts/version';
import type { Cargo } from '../effects/cargo';
import type { Services } from './services';

export interface ReleaseArtifactsRequest {
  root: string;
  options: ReleaseTrainOptions;
  /** `--version`; default: the release tag at HEAD. */
  version?: string;
  /** Extra Rust targets from the command line. */
  targets: string[];
  dryRun: boolean;
  /** $SOURCE_DATE_EPOCH: the archives' member times (default: HEAD's commit time). */
  sourceDateEpoch: number | undefined;
}

export interface ArtifactsResult {
  version: string;
  tag: string;
  /** Absolute paths of the archives and checksum files written. */
  written: string[];
}

export function resolveReleaseArtifacts({ flags, options, env, root }: CommandInput<ReleaseArtifactsFlags>): ReleaseArtifactsRequest {
  return {
    root,
    options,
    version: swallowedFlag('version', flags.version, env),
    targets: listOf(flags.targets),
    dryRun: flags.dryRun,
    sourceDateEpoch: Number(env.SOURCE_DATE_EPOCH) || undefined,
  };
}

export async function releaseArtifacts(req: ReleaseArtifactsRequest, services: Services): Promise<ArtifactsResult> {
  const { root, options } = req;
  const log = services.log;
  const artifacts = options.artifacts;
  const version = await releaseVersion({ version: req.version, root, tagPattern: options.tagPattern });
  const tag = fillPattern(options.tagPattern, version);

  const host = await hostTriple(root);
  const requested: RequestedTarget[] = [
    ...artifacts.targets.map((target) => ({ target: target.trim(), from: 'artifacts.targets' as const })),
    ...req.targets.map((target) => ({ target: target.trim(), from: '--targets' as const })),
  ];
  const triples = await buildTargets(root, services.cargo(root), host, requested, log);
  const { packages, targetDirectory } = await cargoMetadata(root);
  const plan = planArtifacts({ options: artifacts, version, tag, triples, packages, targetDir: targetDirectory });
  // Installers (an .msi) of the builds that have one, made from one of their archives.
  const { installers, diagnostics } = planInstallers(artifacts, triples, version, tag);
  report([...plan.diagnostics, ...diagnostics], log);

  if (req.dryRun) {
    const targetDir = relative(root, targetDirectory) || '.';
    for (const line of dryRunLines({ plan, installers, outputDir: artifacts.outputDir, targetDir, buildEnv: artifacts.buildEnv })) log.info(line);
    return { version, tag, written: [] };
  }
  // WiX runs on Windows only: refused here, before hours of building, when it cannot run.
  await requireWix(installers);
  const written = await buildAndPackage(req, log, plan, installers, targetDirectory);
  log.info(`${written.length} files in ${artifacts.outputDir}/: the workflow hands them to the last job, whose \`nx release-assets\` publishes the release`);
  return { version, tag, written };
}

/**
 * The host, plus requested targets the toolchain has; a target rustc does not know (a typo) is
 * refused, one it knows but has not installed is skipped with the fix.
 */
async function buildTargets(root: string, cargo: Cargo, host: string, requested: RequestedTarget[], log: Logger): Promise<string[]> {
  const wanted = requested.filter((r) => r.target && r.target !== host);
  if (!wanted.length) return [host];
  const unknown = unknownTargets(wanted, await cargo.targetList());
  if (unknown) throw new ReleaseError(unknown.message, unknown.fix);
  const extra = [...new Set(wanted.map((r) => r.target))];
  const installed = new Set(await installedTargets(root));
  const missing = extra.filter((t) => !installed.has(t));
  for (const t of missing) log.warn(`target ${t} is not installed in this toolchain: skipped (install it with: rustup target add ${t})`);
  return [host, ...extra.filter((t) => installed.has(t))];
}

function report(diagnostics: Diagnostic[], log: Logger): void {
  for (const d of diagnostics.filter((x) => x.level === 'warning')) log.info(formatProblem(d));
  const errors = diagnostics.filter((x) => x.level === 'error');
  if (errors.length)
    throw new ReleaseError(`the artifacts settings have ${errors.length} problem(s); nothing was built`, 'fix every problem listed, then rerun', {
      problems: errors,
    });
}

/** Absolute paths of the archives and checksum files written. */
async function buildAndPackage(
  req: ReleaseArtifactsRequest,
  log: Logger,
  plan: ArtifactsPlan,
  installers: PlannedInstaller[],
  targetDirectory: string,
): Promise<string[]> {
  const { root } = req;
  const artifacts = req.options.artifacts;
  if (plan.archives.length) {
    await requireArchiveTool();
  }
  for (const b of plan.builds) {
    log.info(`cargo ${b.args.join(' ')}`);
    try {
      await cargoBuild(root, b.args, { ...artifacts.buildEnv, ...b.env }, (line) => log.info(`  ${line}`));
    } catch (err) {
      const fix = err instanceof ReleaseError ? err.fix : 'fix the build error above and rerun';
      throw new ReleaseError(`the release build of '${b.crate}' for ${b.triple} failed: ${(err as Error).message}`, fix);
    }
  }
  const mtime = req.sourceDateEpoch ?? ((await headCommitTime(root)) || 0);
  const outDir = join(root, artifacts.outputDir);
  const written: string[] = [];
  const archiveFiles = new Map<string, ArchiveFile[]>();
  for (const archive of plan.archives) {
    const { files, missing } = collectFiles(root, targetDirectory, archive.sources);
    if (missing.length) {
      throw new ReleaseError(
        `${archive.file}: ${missing.join('; ')}`,
        'check the entries of "artifacts.archives" (paths relative to the workspace root; crate outputs as cargo names them)',
        {
          setting: 'artifacts.archives',
        },
      );
    }
    archiveFiles.set(archive.name, files);
    const path = join(outDir, archive.file);
    await (archive.format === 'zip' ? writeZip(path, archive.name, files, mtime) : writeTarXz(path, archive.name, files, mtime, artifacts.compression));
    const sha256 = await withChecksum(path, archive.file, written);
    log.info(`wrote ${joinPath(artifacts.outputDir, archive.file)} (${files.length} files, sha256 ${sha256})`);
  }
  for (const installer of installers) {
    const path = join(outDir, installer.file);
    log.info(`wix ${installer.args.join(' ')}`);
    await buildMsi(root, installer, archiveFiles.get(installer.archive) ?? [], path, (line) => log.info(`  ${line}`));
    const sha256 = await withChecksum(path, installer.file, written);
    log.info(`wrote ${joinPath(artifacts.outputDir, installer.file)} (version ${installer.version}, from ${installer.archive}, sha256 ${sha256})`);
  }
  return written;
}

/** Writes the `.sha256` beside the file, adds both to `written`; returns the sha256. */
async function withChecksum(path: string, name: string, written: string[]): Promise<string> {
  const sha256 = await sha256File(path);
  writeFileAtomic(`${path}.sha256`, checksumLine(sha256, name));
  written.push(path, `${path}.sha256`);
  return sha256;
}

export const releaseArtifactsCommand: Command<ReleaseArtifactsFlags, ReleaseArtifactsRequest, ArtifactsResult> = {
  name: 'release-artifacts',
  resolve: resolveReleaseArtifacts,
  // Builds only (GitHub is release-assets' business). Cargo and the C toolchain read the
  // build environment the job sets (each build's env, a cross linker's variables): passed along.
  env: ({ options }) =>
    envReads(swallowedReads('release-artifacts'), {
      optional: ['SOURCE_DATE_EPOCH', ...options.artifacts.builds.flatMap((b) => Object.keys(b.env ?? {}))],
      prefixes: ['CARGO_', 'CC_', 'AR_'],
    }),
  run: releaseArtifacts,
};
