/**
 * `nx release-assets`: the workflow's last job. Every platform's archives (and installers) and `.sha256` files
 * are in the output directory (downloaded workflow artifacts); they are checked there first
 * (nothing goes to GitHub unless all are present and consistent), then the release of the tag
 * is drafted, filled, checked and published once (commands/release-assets/publish.ts).
 */
import { join } from 'node:path';
import { swallowedFlag } from '../core/argv';
import { expectedAssets } from '../core/artifacts/expected';
import { listOf } from '../core/flags/define';
import type { ReleaseAssetsFlags } from '../core/flags/release-assets';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { githubTarget } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import { localAssets } from './release-assets/local';
import { publishRelease } from './release-assets/publish';
import { releaseSpec } from './release-assets/spec';
import { envReads, githubReads, swallowedReads } from '../core/env-reads';
import { ArtifactsError } from './release-artifacts/errors';
import { releaseVersion } from './release-artifacts/version';
import type { Services } from './services';
import { buildTargets } from '../core/artifacts/builds';

export interface ReleaseAssetsRequest {
  root: string;
  options: ReleaseTrainOptions;
  /** `--version`; default: the release tag at HEAD. */
  version?: string;
  /** Target triples whose archives must be there; empty: the targets of `artifacts.builds`. */
  targets: string[];
  dryRun: boolean;
  github: GitHubTargetRequest;
}

export interface AssetsResult {
  tag: string;
  /** The release's web URL; null on a dry run that found no release. */
  releaseUrl: string | null;
}

export function resolveReleaseAssets({ flags, options, env, root }: CommandInput<ReleaseAssetsFlags>): ReleaseAssetsRequest {
  return {
    root,
    options,
    version: swallowedFlag('version', flags.version, env),
    targets: listOf(flags.targets),
    dryRun: flags.dryRun,
    github: resolveGitHubTarget(options, env, { repository: flags.repository, githubApiUrl: flags.githubApiUrl }),
  };
}

export async function releaseAssets(req: ReleaseAssetsRequest, services: Services): Promise<AssetsResult> {
  const { options } = req;
  const log = services.log;
  const version = await releaseVersion({ version: req.version, root: req.root, tagPattern: options.tagPattern });
  const tag = fillPattern(options.tagPattern, version);
  const targets = req.targets.length ? req.targets : buildTargets(options.artifacts.builds);
  // Archives and installers (the .msi of a build with `installer`): a release lacking one is refused.
  const expected = expectedAssets(options.artifacts, targets, version, tag);
  const outputDir = options.artifacts.outputDir;

  const { assets, rows } = await localAssets(join(req.root, outputDir), expected);
  for (const r of rows) log.info(`${r.ok ? 'ok     ' : 'PROBLEM'}  ${outputDir}/${r.name}: ${r.detail}`);
  const bad = rows.filter((r) => !r.ok);
  if (bad.length) {
    throw new ArtifactsError(
      `${bad.length} of ${rows.length} expected files of ${tag} for ${targets.length} platforms are missing or wrong in ${outputDir}/; nothing was sent to GitHub`,
      `put every platform's archives and .sha256 files in ${outputDir}/ (the workflow downloads each platform job's artifact there; rerun the jobs of the platforms named)`,
    );
  }

  const spec = releaseSpec(req.root, options, log, version, tag);
  const gh = await githubTarget(
    req.github,
    { needs: `release-assets (to publish the release ${tag})`, fix: 'write releases (contents: write)' },
    services.git(),
    options.remote,
  );
  if (req.dryRun) log.info(`Dry run of release-assets for ${tag} in ${gh.repository}: nothing is created, uploaded or published.`);
  const api = await services.github.releases({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  const releaseUrl = await publishRelease(api, spec, assets, log, { dryRun: req.dryRun, tokenVar: gh.tokenVar });
  return { tag, releaseUrl };
}

export const releaseAssetsCommand: Command<ReleaseAssetsFlags, ReleaseAssetsRequest, AssetsResult> = {
  name: 'release-assets',
  resolve: resolveReleaseAssets,
  env: ({ options }) => envReads(githubReads(options, true), swallowedReads('release-assets')),
  run: releaseAssets,
};
