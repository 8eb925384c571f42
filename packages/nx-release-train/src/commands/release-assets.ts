/**
 * `nx release-assets`: after every platform's job attached its archives, the release of the
 * tag at HEAD must hold each expected archive with a `.sha256` file naming its checksum.
 */
import { checkAssets, expectedArchives, type ReleasedAsset } from '../core/artifacts/expected';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { githubReleases } from '../effects/github-releases';
import type { Logger } from './command-context';
import { ArtifactsError } from './release-artifacts/errors';
import { DEFAULT_API, releaseVersion } from './release-artifacts';

export interface CheckInput {
  root: string;
  options: ReleaseTrainOptions;
  version?: string;
  /** Target triples whose archives must be there; default: the `artifactRunners` settings. */
  targets: string[];
  env: { GITHUB_TOKEN?: string; GITHUB_API_URL?: string; GITHUB_REPOSITORY?: string };
  log: Logger;
}

export async function checkReleaseAssets(input: CheckInput): Promise<void> {
  const { options, log } = input;
  const version = await releaseVersion(input);
  const tag = fillPattern(options.tagPattern, version);
  const targets = input.targets.length ? input.targets : Object.keys(options.artifactRunners);
  const expected = expectedArchives(options.artifacts.archives, targets, options.artifacts.platforms, version, tag);
  const repository = options.artifacts.repository ?? input.env.GITHUB_REPOSITORY;
  if (!repository) throw new ArtifactsError('no GitHub repository to check the release of', 'set "artifacts.repository" in the nx-release-train options of nx.json, or GITHUB_REPOSITORY');
  if (!input.env.GITHUB_TOKEN) throw new ArtifactsError(`GITHUB_TOKEN is not set: the assets of ${tag} on ${repository} cannot be read`, "set GITHUB_TOKEN to a token that may read the repository's releases");
  const api = await githubReleases({ token: input.env.GITHUB_TOKEN, baseUrl: input.env.GITHUB_API_URL ?? DEFAULT_API, repository });
  const release = await api.findRelease(tag);
  if (!release) throw new ArtifactsError(`${repository} has no release ${tag}`, "run `nx release-artifacts` on the tag (each platform's job creates or updates it)");
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
    throw new ArtifactsError(`${bad.length} of ${rows.length} expected assets of ${tag} (${release.htmlUrl}) are missing or wrong`, 'rerun the artifacts job of their platform (identical assets are kept)');
  }
  log.info(`all ${rows.length} assets of ${tag} for ${targets.length} platforms are on ${release.htmlUrl}`);
}
