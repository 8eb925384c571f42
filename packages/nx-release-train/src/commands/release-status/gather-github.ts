/**
 * What GitHub shows (read-only): the train's open pull requests, the GitHub release of each
 * line's newest tag and which platforms' archives it holds, and each binding repository's tag
 * and pull request for the version the train released last.
 */
import semver from 'semver';
import { expectedAssets } from '../../core/artifacts/expected';
import { buildTargets } from '../../core/artifacts/builds';
import { platformName } from '../../core/artifacts/platform';
import { repositoryFromUrl } from '../../core/github-repo';
import { fillPattern, type ReleaseTrainOptions } from '../../core/settings/options';
import { pullKind } from '../../core/status/pulls';
import type { GatheredBinding, GatheredLine, GatheredPull, GitHubReleaseState } from '../../core/status/types';
import type { GitHub } from '../../effects/github-target';
import type { Services } from '../services';

export async function gatherPulls(services: Services, gh: GitHub, options: ReleaseTrainOptions): Promise<GatheredPull[]> {
  const pulls = await services.github.pulls({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  const out: GatheredPull[] = [];
  for (const p of await pulls.listOpen()) {
    const kind = pullKind(p.head, options);
    if (kind) out.push({ ...p, kind });
  }
  return out;
}

/**
 * A marked tip no local tag points at may be tagged on GitHub already (release-tag --via=api
 * makes the tag there; a clone sees it only after a fetch): asked there, one call per such line.
 */
export async function gatherRemoteTags(services: Services, gh: GitHub, lines: GatheredLine[], options: ReleaseTrainOptions): Promise<void> {
  const untagged = lines.filter((l) => l.tipMarked && !l.tipTag);
  if (untagged.length === 0) return;
  const tags = await services.github.tags({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  for (const line of untagged) {
    const name = fillPattern(options.tagPattern, line.version);
    if ((await tags.find(name)) === line.tip) line.tipTag = `${name} (on GitHub; git fetch --tags)`;
  }
}

/** Platforms the workflow builds (artifacts.builds), each attached when all its archives (and installer) are. */
function platformsOf(options: ReleaseTrainOptions, assets: Set<string>, version: string, tag: string) {
  return buildTargets(options.artifacts.builds).map((triple) => {
    const platform = platformName(triple, options.artifacts.platforms);
    const wanted = expectedAssets(options.artifacts, [triple], version, tag);
    // Without archive settings the names are unknown: any asset naming the platform counts.
    const attached = wanted.length ? wanted.every((n) => assets.has(n)) : [...assets].some((n) => n.includes(platform));
    return { platform, attached };
  });
}

export async function gatherReleases(services: Services, gh: GitHub, lines: GatheredLine[], options: ReleaseTrainOptions): Promise<void> {
  const api = await services.github.releases({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  for (const line of lines) {
    if (!line.newestTag) continue;
    const found = await api.findRelease(line.newestTag.name);
    let state: GitHubReleaseState = { url: null, exists: false, draft: false, prerelease: false, platforms: [] };
    if (found) {
      const assets = new Set((await api.listAssets(found.id)).map((a) => a.name));
      state = {
        url: found.htmlUrl,
        exists: true,
        draft: found.draft,
        prerelease: found.prerelease,
        platforms: platformsOf(options, assets, line.newestTag.version, line.newestTag.name),
      };
    }
    line.release = state;
  }
}

/** The newest released (final) version among the lines' tags: what bindings follow. */
export function followedVersion(lines: GatheredLine[]): string | null {
  const finals = lines.map((l) => l.newestTag?.version).filter((v): v is string => !!v && semver.prerelease(v) === null);
  return finals.sort(semver.rcompare)[0] ?? null;
}

export async function gatherBindings(services: Services, gh: GitHub, lines: GatheredLine[], options: ReleaseTrainOptions): Promise<GatheredBinding[]> {
  const wanted = followedVersion(lines);
  const out: GatheredBinding[] = [];
  for (const repo of options.bindings.repos) {
    const repository = repo.github ?? repositoryFromUrl(repo.url, ['github.com']);
    if (!repository || !wanted) {
      out.push({ name: repo.name, repository, wanted, onWanted: null, pull: null });
      continue;
    }
    const target = { token: gh.token, baseUrl: gh.apiUrl, repository };
    const tagged = await (await services.github.tags(target)).find(fillPattern(repo.tagPattern ?? 'v{version}', wanted));
    const branch = fillPattern(repo.branchPattern ?? options.bindings.branchPattern, wanted);
    const pr = await (await services.github.pulls(target)).findOpen(branch, repo.baseBranch ?? 'main');
    out.push({ name: repo.name, repository, wanted, onWanted: tagged !== null, pull: pr ? { number: pr.number, url: pr.url } : null });
  }
  return out;
}
