/**
 * `nx release-artifacts`: plan, build, package, then create or update the GitHub release.
 * The decisions are in core/artifacts; this file sequences the effects. A dry run walks the
 * same path up to the first effect that would change something.
 */
import { swallowedFlag } from '../core/argv';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checksumLine } from '../core/artifacts/assets';
import { isPrerelease, fillArtifactPattern } from '../core/artifacts/naming';
import { releaseNotes } from '../core/artifacts/notes';
import { planArtifacts, type ArtifactsPlan } from '../core/artifacts/plan';
import { dryRunLines } from '../core/artifacts/report';
import type { ReleaseSpec } from '../core/artifacts/release';
import { formatProblem, ReleaseError } from '../core/errors';
import type { ReleaseArtifactsFlags } from '../core/flags/release-artifacts';
import { listOf } from '../core/flags/define';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import type { Logger } from '../core/log';
import type { Diagnostic } from '../core/model';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { joinPath } from '../core/paths';
import { requireArchiveTool, collectFiles, sha256File, writeTarXz } from '../effects/archive';
import { cargoBuild, cargoMetadata, hostTriple, installedTargets } from '../effects/cargo-build';
import { writeFileAtomic } from '../effects/files';
import { githubRepository } from '../effects/github-target';
import { headCommitTime } from '../effects/release-tag';
import type { Command, CommandInput } from './command';
import { envReads, githubReads, swallowedReads } from '../core/env-reads';
import { publishRelease, type UploadAsset } from './release-artifacts/github-release';
import { releaseVersion } from './release-artifacts/version';
import type { Services } from './services';

export interface ReleaseArtifactsRequest {
  root: string;
  options: ReleaseTrainOptions;
  /** `--version`; default: the release tag at HEAD. */
  version?: string;
  /** Extra Rust targets from the command line. */
  targets: string[];
  dryRun: boolean;
  skipRelease: boolean;
  github: GitHubTargetRequest;
  /** $SOURCE_DATE_EPOCH: the archives' member times (default: HEAD's commit time). */
  sourceDateEpoch: number | undefined;
}

export interface ArtifactsResult {
  version: string;
  tag: string;
  /** Absolute paths of the archives and checksum files written. */
  written: string[];
  releaseUrl: string | null;
}

export function resolveReleaseArtifacts({ flags, options, env, root }: CommandInput<ReleaseArtifactsFlags>): ReleaseArtifactsRequest {
  return {
    root,
    options,
    version: swallowedFlag('version', flags.version, env),
    targets: listOf(flags.targets),
    dryRun: flags.dryRun,
    skipRelease: flags.skipRelease,
    github: resolveGitHubTarget(options, env, { repository: flags.repository, githubApiUrl: flags.githubApiUrl }),
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
  const triples = await buildTargets(root, host, [...artifacts.targets, ...req.targets], log);
  const { packages, targetDirectory } = await cargoMetadata(root);
  const plan = planArtifacts({ options: artifacts, version, tag, triples, packages });
  report(plan.diagnostics, log);

  const spec = releaseSpec(req, log, version, tag);
  const repository = req.skipRelease ? null : await repositoryToRelease(req, services);
  if (repository && !req.github.token) {
    log.warn(`${req.github.tokenVar} is not set: the archives will be built, but the GitHub release step will then fail.`);
  }
  if (req.dryRun) {
    const lines = dryRunLines({
      plan,
      outputDir: artifacts.outputDir,
      targetDir: relative(root, targetDirectory) || '.',
      buildEnv: artifacts.buildEnv,
      release: spec,
      repository,
      notesFile: options.releasesFile,
    });
    for (const line of lines) log.info(line);
    return { version, tag, written: [], releaseUrl: null };
  }

  const assets = await buildAndPackage(req, log, plan, targetDirectory);
  if (!repository) return { version, tag, written: assets.map((a) => a.path), releaseUrl: null };

  // The archives are built before the token is needed: a rerun with one keeps what is identical.
  const token = req.github.token;
  if (!token) {
    throw new ReleaseError(
      `${req.github.tokenVar} is not set, so the GitHub release ${tag} on ${repository} was not created or updated. The archives are in ${artifacts.outputDir}/.`,
      `set ${req.github.tokenVar} to a token allowed to write releases (contents: write) on ${repository} and run again: identical assets are not uploaded twice`,
    );
  }
  const api = await services.github.releases({ token, baseUrl: req.github.apiUrl, repository });
  const releaseUrl = await publishRelease(api, spec, assets, log, req.github.tokenVar);
  return { version, tag, written: assets.map((a) => a.path), releaseUrl };
}

/** The one GitHub target's repository, found before anything is built. */
async function repositoryToRelease(req: ReleaseArtifactsRequest, services: Services): Promise<string> {
  try {
    return await githubRepository(req.github, services.git(), req.options.remote);
  } catch (err) {
    if (!(err instanceof ReleaseError)) throw err;
    throw new ReleaseError(`${err.message}; nothing was built`, `${err.fix}; or pass --repository=owner/name (--skip-release builds the archives only)`);
  }
}

/** The host, plus requested targets the toolchain has; the others are skipped with the fix. */
async function buildTargets(root: string, host: string, requested: string[], log: Logger): Promise<string[]> {
  const extra = [...new Set(requested.map((t) => t.trim()).filter((t) => t && t !== host))];
  if (!extra.length) return [host];
  const installed = new Set(await installedTargets(root));
  const missing = extra.filter((t) => !installed.has(t));
  for (const t of missing) log.warn(`target ${t} is not installed in this toolchain: skipped (install it with: rustup target add ${t})`);
  return [host, ...extra.filter((t) => installed.has(t))];
}

function releaseSpec(req: ReleaseArtifactsRequest, log: Logger, version: string, tag: string): ReleaseSpec {
  const file = req.options.releasesFile;
  const path = join(req.root, file);
  let body = '';
  if (existsSync(path)) {
    const notes = releaseNotes(readFileSync(path, 'utf8'), version, file);
    for (const w of notes.warnings) log.warn(w);
    body = notes.body;
  } else {
    log.warn(`${file} does not exist: the release gets no notes (set "releasesFile" in the plugin options)`);
  }
  const name = fillArtifactPattern(req.options.artifacts.releaseName, { version, tag });
  return { tag, name, body, prerelease: isPrerelease(version) };
}

function report(diagnostics: Diagnostic[], log: Logger): void {
  for (const d of diagnostics.filter((x) => x.level === 'warning')) log.info(formatProblem(d));
  const errors = diagnostics.filter((x) => x.level === 'error');
  if (errors.length)
    throw new ReleaseError(`the artifacts settings have ${errors.length} problem(s); nothing was built`, 'fix every problem listed, then rerun', {
      problems: errors,
    });
}

async function buildAndPackage(req: ReleaseArtifactsRequest, log: Logger, plan: ArtifactsPlan, targetDirectory: string): Promise<UploadAsset[]> {
  const { root } = req;
  const artifacts = req.options.artifacts;
  if (plan.archives.length) {
    await requireArchiveTool();
  }
  for (const b of plan.builds) {
    log.info(`cargo ${b.args.join(' ')}`);
    try {
      await cargoBuild(root, b.args, artifacts.buildEnv, (line) => log.info(`  ${line}`));
    } catch (err) {
      const fix = err instanceof ReleaseError ? err.fix : 'fix the build error above and rerun';
      throw new ReleaseError(`the release build of '${b.crate}' for ${b.triple} failed: ${(err as Error).message}`, fix);
    }
  }
  const mtime = req.sourceDateEpoch ?? ((await headCommitTime(root)) || 0);
  const outDir = join(root, artifacts.outputDir);
  const assets: UploadAsset[] = [];
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
    const path = join(outDir, archive.file);
    await writeTarXz(path, archive.name, files, mtime, artifacts.compression);
    const sha256 = await sha256File(path);
    const line = checksumLine(sha256, archive.file);
    writeFileAtomic(`${path}.sha256`, line);
    assets.push({ name: archive.file, path, sha256, size: statSync(path).size, contentType: 'application/x-xz' });
    assets.push({ name: `${archive.file}.sha256`, path: `${path}.sha256`, sha256: sha256Text(line), size: Buffer.byteLength(line), contentType: 'text/plain' });
    log.info(`wrote ${joinPath(artifacts.outputDir, archive.file)} (${files.length} files, sha256 ${sha256})`);
  }
  return assets;
}

function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const releaseArtifactsCommand: Command<ReleaseArtifactsFlags, ReleaseArtifactsRequest, ArtifactsResult> = {
  name: 'release-artifacts',
  resolve: resolveReleaseArtifacts,
  env: ({ flags, options }) => envReads(githubReads(options, !flags.dryRun), swallowedReads('release-artifacts'), { optional: ['SOURCE_DATE_EPOCH'] }),
  run: releaseArtifacts,
};
