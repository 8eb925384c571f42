/**
 * `nx release-assets`: after every platform's job attached its archives, the release of the
 * tag at HEAD must hold each expected archive with a `.sha256` file naming its checksum.
 */
import { swallowedFlag } from '../core/argv';
import { checkAssets, expectedArchives, type ReleasedAsset } from '../core/artifacts/expected';
import { listOf } from '../core/flags/define';
import type { ReleaseAssetsFlags } from '../core/flags/release-assets';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { githubTarget } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import { envReads, githubReads, swallowedReads } from '../core/env-reads';
import { ArtifactsError } from './release-artifacts/errors';
import { releaseVersion } from './release-artifacts/version';
import type { Services } from './services';

export interface ReleaseAssetsRequest {
  root: string;
  options: ReleaseTrainOptions;
  /** `--version`; default: the release tag at HEAD. */
  version?: string;
  /** Target triples whose archives must be there; empty: the `artifactRunners` settings. */
  targets: string[];
  github: GitHubTargetRequest;
}

export function resolveReleaseAssets({ flags, options, env, root }: CommandInput<ReleaseAssetsFlags>): ReleaseAssetsRequest {
  return {
    root,
    options,
    version: swallowedFlag('version', flags.version, env),
    targets: listOf(flags.targets),
    github: resolveGitHubTarget(options, env, { repository: flags.repository, githubApiUrl: flags.githubApiUrl }),
  };
}

export async function checkReleaseAssets(req: ReleaseAssetsRequest, services: Services): Promise<void> {
  const { options } = req;
  const log = services.log;
  const version = await releaseVersion({ version: req.version, root: req.root, tagPattern: options.tagPattern });
  const tag = fillPattern(options.tagPattern, version);
  const targets = req.targets.length ? req.targets : Object.keys(options.artifactRunners);
  const expected = expectedArchives(options.artifacts.archives, targets, options.artifacts.platforms, version, tag);
  const gh = await githubTarget(
    req.github,
    { needs: `release-assets (to read the assets of ${tag})`, fix: "read the repository's releases (contents: read)" },
    services.git(),
    options.remote,
  );
  const api = await services.github.releases({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  const release = await api.findRelease(tag);
  if (!release)
    throw new ArtifactsError(`${gh.repository} has no release ${tag}`, "run `nx release-artifacts` on the tag (each platform's job creates or updates it)");
  const assets: ReleasedAsset[] = [];
  for (const a of await api.listAssets(release.id)) {
    const wanted = expected.includes(a.name) || expected.some((e) => `${e}.sha256` === a.name);
    if (!wanted) continue;
    const bytes = a.name.endsWith('.sha256') ? await api.downloadAsset(a.id) : null;
    assets.push({ name: a.name, sha256: a.sha256 ?? (await api.hashAsset(a.id)), text: bytes?.toString('utf8') });
  }
  const rows = checkAssets(expected, assets);
  for (const r of rows) log.info(`${r.ok ? 'ok     ' : 'PROBLEM'}  ${r.name}: ${r.detail}`);
  const bad = rows.filter((r) => !r.ok);
  if (bad.length) {
    throw new ArtifactsError(
      `${bad.length} of ${rows.length} expected assets of ${tag} (${release.htmlUrl}) are missing or wrong`,
      'rerun the artifacts job of their platform (identical assets are kept)',
    );
  }
  log.info(`all ${rows.length} assets of ${tag} for ${targets.length} platforms are on ${release.htmlUrl}`);
}

export const releaseAssetsCommand: Command<ReleaseAssetsFlags, ReleaseAssetsRequest, void> = {
  name: 'release-assets',
  resolve: resolveReleaseAssets,
  env: ({ options }) => envReads(githubReads(options, true), swallowedReads('release-assets')),
  run: checkReleaseAssets,
};
