/**
 * `nx release-artifacts`: plan, build, package, then create or update the GitHub release.
 * The decisions are in core/artifacts; this file sequences the effects. A dry run walks the
 * same path up to the first effect that would change something.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checksumLine } from '../core/artifacts/assets';
import { isPrerelease, isVersion, fillArtifactPattern, versionsFromTags } from '../core/artifacts/naming';
import { releaseNotes } from '../core/artifacts/notes';
import { planArtifacts, type ArtifactsPlan } from '../core/artifacts/plan';
import { dryRunLines } from '../core/artifacts/report';
import type { ReleaseSpec } from '../core/artifacts/release';
import type { Diagnostic } from '../core/model';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { joinPath } from '../core/paths';
import { requireArchiveTool, collectFiles, sha256File, writeTarXz } from '../effects/archive';
import { cargoBuild, cargoMetadata, hostTriple, installedTargets } from '../effects/cargo-build';
import { writeFileAtomic } from '../effects/files';
import { githubReleases } from '../effects/github-releases';
import { headCommitTime, tagsAtHead } from '../effects/release-tag';
import type { Logger } from './command-context';
import { formatProblem, ReleaseError } from '../core/errors';
import { publishRelease, type UploadAsset } from './release-artifacts/publish';

export interface RunInput {
  root: string;
  options: ReleaseTrainOptions;
  version?: string;
  /** Extra Rust targets from the command line. */
  targets: string[];
  dryRun: boolean;
  skipRelease: boolean;
  repository?: string;
  githubApiUrl?: string;
  /** The variables this step reads (tests pass their own). */
  env: { GITHUB_TOKEN?: string; GITHUB_API_URL?: string; GITHUB_REPOSITORY?: string; SOURCE_DATE_EPOCH?: string };
  log: Logger;
}

export interface ArtifactsResult {
  version: string;
  tag: string;
  /** Absolute paths of the archives and checksum files written. */
  written: string[];
  releaseUrl: string | null;
}

export const DEFAULT_API = 'https://api.github.com';

export async function releaseArtifacts(input: RunInput): Promise<ArtifactsResult> {
  const { root, options, log } = input;
  const artifacts = options.artifacts;
  const version = await releaseVersion(input);
  const tag = fillPattern(options.tagPattern, version);

  const host = await hostTriple(root);
  const triples = await buildTargets(root, host, [...artifacts.targets, ...input.targets], log);
  const { packages, targetDirectory } = await cargoMetadata(root);
  const plan = planArtifacts({ options: artifacts, version, tag, triples, packages });
  report(plan.diagnostics, log);

  const spec = releaseSpec(input, version, tag);
  const repository = input.skipRelease ? null : (input.repository ?? artifacts.repository ?? input.env.GITHUB_REPOSITORY ?? null);
  if (!input.skipRelease && !repository) {
    throw new ReleaseError(
      'no GitHub repository to release to',
      'set "artifacts.repository" ("owner/name") in the nx-release-train options of nx.json, pass --repository=owner/name, or set GITHUB_REPOSITORY; --skip-release builds the archives only',
      { setting: 'artifacts.repository' },
    );
  }
  if (repository && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new ReleaseError(`the GitHub repository "${repository}" is not "owner/name"`, 'give "owner/name" in --repository, "artifacts.repository" in nx.json, or GITHUB_REPOSITORY', {
      setting: 'artifacts.repository',
    });
  }
  if (repository && !input.env.GITHUB_TOKEN) {
    log.warn('GITHUB_TOKEN is not set: the archives will be built, but the GitHub release step will then fail.');
  }
  if (input.dryRun) {
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

  const assets = await buildAndPackage(input, plan, targetDirectory);
  if (input.skipRelease) return { version, tag, written: assets.map((a) => a.path), releaseUrl: null };

  const token = input.env.GITHUB_TOKEN;
  if (!token) {
    throw new ReleaseError(
      `GITHUB_TOKEN is not set, so the GitHub release ${tag} was not created or updated. The archives are in ${artifacts.outputDir}/.`,
      `set GITHUB_TOKEN to a token allowed to write releases (contents: write) on ${repository} and run again: identical assets are not uploaded twice`,
    );
  }
  const baseUrl = input.githubApiUrl ?? input.env.GITHUB_API_URL ?? DEFAULT_API;
  const api = await githubReleases({ token, baseUrl, repository: repository! });
  const releaseUrl = await publishRelease(api, spec, assets, log);
  return { version, tag, written: assets.map((a) => a.path), releaseUrl };
}

/** `--version`, else the one release tag at HEAD. */
export async function releaseVersion(input: Pick<RunInput, 'version' | 'root' | 'options'>): Promise<string> {
  if (input.version !== undefined) {
    if (!isVersion(input.version)) throw new ReleaseError(`--version=${input.version} is not a version like 1.2.3 or 1.2.3-rc.1`, 'pass --version=X.Y.Z');
    return input.version;
  }
  const tags = await tagsAtHead(input.root);
  const versions = [...new Set(versionsFromTags(tags, input.options.tagPattern))];
  if (versions.length === 1) return versions[0];
  if (versions.length === 0) {
    throw new ReleaseError(
      `HEAD carries no release tag matching "${input.options.tagPattern}" (tags here: ${tags.join(', ') || 'none'})`,
      'check out the release tag, or pass --version=X.Y.Z',
    );
  }
  throw new ReleaseError(`HEAD carries several release tags (${versions.join(', ')})`, 'pass --version=X.Y.Z to choose one');
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

function releaseSpec(input: RunInput, version: string, tag: string): ReleaseSpec {
  const file = input.options.releasesFile;
  const path = join(input.root, file);
  let body = '';
  if (existsSync(path)) {
    const notes = releaseNotes(readFileSync(path, 'utf8'), version, file);
    for (const w of notes.warnings) input.log.warn(w);
    body = notes.body;
  } else {
    input.log.warn(`${file} does not exist: the release gets no notes (set "releasesFile" in the plugin options)`);
  }
  const name = fillArtifactPattern(input.options.artifacts.releaseName, { version, tag });
  return { tag, name, body, prerelease: isPrerelease(version) };
}

function report(diagnostics: Diagnostic[], log: Logger): void {
  for (const d of diagnostics.filter((x) => x.level === 'warning')) log.info(formatProblem(d));
  const errors = diagnostics.filter((x) => x.level === 'error');
  if (errors.length) throw new ReleaseError(`the artifacts settings have ${errors.length} problem(s); nothing was built`, 'fix every problem listed, then rerun', { problems: errors });
}

async function buildAndPackage(input: RunInput, plan: ArtifactsPlan, targetDirectory: string): Promise<UploadAsset[]> {
  const { root, log } = input;
  const artifacts = input.options.artifacts;
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
  const mtime = Number(input.env.SOURCE_DATE_EPOCH) || (await headCommitTime(root)) || 0;
  const outDir = join(root, artifacts.outputDir);
  const assets: UploadAsset[] = [];
  for (const archive of plan.archives) {
    const { files, missing } = collectFiles(root, targetDirectory, archive.sources);
    if (missing.length) {
      throw new ReleaseError(`${archive.file}: ${missing.join('; ')}`, 'check the entries of "artifacts.archives" (paths relative to the workspace root; crate outputs as cargo names them)', {
        setting: 'artifacts.archives',
      });
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
