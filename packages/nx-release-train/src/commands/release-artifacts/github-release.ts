/**
 * The GitHub half of release-artifacts: the release of the tag is created or brought up to
 * date, then each asset is kept, uploaded or replaced (core/artifacts decides which). Assets are
 * handled one by one so a failure leaves everything before it in place for the rerun.
 */
import { assetsToHash, diffAssets, type AssetAction, type LocalAsset } from '../../core/artifacts/assets';
import { releaseChange, type ReleaseSpec } from '../../core/artifacts/release';
import { releaseLines } from '../../core/artifacts/report';
import { GitHubError, type FoundRelease, type ReleasesApi } from '../../effects/github-releases';
import type { Logger } from '../../core/log';
import { ArtifactsError } from './errors';

export type UploadAsset = LocalAsset & { path: string; contentType: string };

/** Returns the release's web URL; `tokenVar` is where the token came from (named when GitHub refuses it). */
export async function publishRelease(api: ReleasesApi, spec: ReleaseSpec, assets: UploadAsset[], log: Logger, tokenVar: string): Promise<string> {
  const done: AssetAction[] = [];
  try {
    const existing = await api.findRelease(spec.tag);
    const change = releaseChange(existing, spec);
    const release =
      change.action === 'create' ? await createOrFind(api, spec) : change.action === 'update' ? await api.updateRelease(existing!.id, spec) : existing!;

    const remote = await api.listAssets(release.id);
    for (const r of assetsToHash(assets, remote)) r.sha256 = await api.hashAsset(r.id);
    for (const action of diffAssets(assets, remote)) {
      const local = assets.find((a) => a.name === action.local.name)!;
      if (action.action === 'replace') await api.deleteAsset(action.remote.id);
      if (action.action !== 'keep') await api.uploadAsset(release, local.name, local.path, local.contentType);
      done.push(action);
    }
    for (const line of releaseLines(change, spec, release.htmlUrl, done)) log.info(line);
    return release.htmlUrl;
  } catch (err) {
    if (!(err instanceof GitHubError)) throw err;
    for (const a of done) log.info(`  ${a.action === 'keep' ? 'kept' : a.action === 'upload' ? 'uploaded' : 'replaced'} ${a.local.name} before the failure`);
    // A refused token does not get better by running again: say what to fix instead.
    if (err.status === 401)
      throw new ArtifactsError(
        `${err.message}. GitHub refused the token; the archives are built and identical assets are kept.`,
        `set ${tokenVar} to a valid token allowed to write releases (contents: write), then run again`,
      );
    const fix = 'run again to finish: assets already uploaded and identical are kept';
    throw new ArtifactsError(`${err.message}. The archives are built; ${fix}.`, fix);
  }
}

/**
 * Jobs of other platforms release the same tag at the same time: when one of them created the
 * release after our lookup, GitHub answers 422 and the release is simply used.
 */
async function createOrFind(api: ReleasesApi, spec: ReleaseSpec): Promise<FoundRelease> {
  try {
    return await api.createRelease(spec);
  } catch (err) {
    if (!(err instanceof GitHubError) || err.status !== 422) throw err;
    const created = await api.findRelease(spec.tag);
    if (!created) throw err;
    return created;
  }
}
