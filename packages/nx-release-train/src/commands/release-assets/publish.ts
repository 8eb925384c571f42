/**
 * The GitHub half of release-assets, in the order immutable releases allow: find the release
 * of the tag through the release list (drafts included), create it as a draft when there is
 * none, upload what it lacks, check that it holds every asset byte for byte, then publish it.
 * A published release is never written: a rerun with identical assets changes nothing, and an
 * asset that differs stops the run naming both digests (nothing is deleted or replaced).
 */
import { assetsToHash, compareAssets, differenceLine, type AssetAction } from '../../core/artifacts/assets';
import { pickRelease, releaseChange, type ReleaseSpec } from '../../core/artifacts/release';
import { assetLines } from '../../core/artifacts/report';
import type { Logger } from '../../core/log';
import { GitHubError, type FoundRelease, type ReleasesApi } from '../../effects/github-releases';
import { ArtifactsError } from '../release-artifacts/errors';
import type { UploadAsset } from './local';

export interface PublishOptions {
  dryRun: boolean;
  /** Where the token came from (named when GitHub refuses it). */
  tokenVar: string;
}

/** Returns the release's web URL (null on a dry run that found none). */
export async function publishRelease(api: ReleasesApi, spec: ReleaseSpec, assets: UploadAsset[], log: Logger, opts: PublishOptions): Promise<string | null> {
  try {
    return await publishSteps(api, spec, assets, log, opts.dryRun);
  } catch (err) {
    if (!(err instanceof GitHubError)) throw err;
    // A refused token does not get better by running again: say what to fix instead.
    if (err.status === 401)
      throw new ArtifactsError(
        `${err.message}. GitHub refused the token; the release was not published.`,
        `set ${opts.tokenVar} to a valid token allowed to write releases (contents: write), then run again`,
      );
    const fix = 'run again to finish: assets already uploaded are kept, and the release is published only once it holds them all';
    throw new ArtifactsError(`${err.message}. ${fix[0].toUpperCase()}${fix.slice(1)}.`, fix);
  }
}

async function publishSteps(api: ReleasesApi, spec: ReleaseSpec, assets: UploadAsset[], log: Logger, dryRun: boolean): Promise<string | null> {
  const kind = spec.prerelease ? 'pre-release' : 'release';
  const { release: found, others } = pickRelease(await api.releasesOfTag(spec.tag), spec.tag);
  if (others.length) log.warn(`${spec.tag} has ${others.length} more draft(s) (${others.map((r) => r.htmlUrl).join(', ')}): left alone`);
  if (!found && dryRun) {
    log.info(`Would create the draft ${kind} ${spec.tag} ('${spec.name}'), upload:`);
    for (const a of assets) log.info(`  ${a.name}`);
    log.info('then check every asset and publish it.');
    return null;
  }
  let release = found ?? (await createDraft(api, spec, log));
  const change = releaseChange(release, spec);
  if (change.action === 'update' && release.draft) {
    if (dryRun) log.info(`Would update the draft's ${change.fields.join(', ')} from the notes.`);
    else release = await api.updateDraft(release.id, spec);
  } else if (change.action === 'update') {
    log.warn(`the published ${kind} ${spec.tag} differs from the notes in its ${change.fields.join(', ')}: left as published`);
  }

  const actions = await compare(api, release, assets);
  refuseDifferences(actions, spec.tag, release);
  const missing = actions.filter((a) => a.action === 'upload' || a.action === 'retry');
  if (!release.draft && missing.length)
    throw new ArtifactsError(
      `the ${kind} ${spec.tag} (${release.htmlUrl}) is published without ${missing.map((a) => a.local.name).join(', ')}; a published release is not written to (immutable releases refuse it), so nothing was uploaded`,
      'find out who published it early; attach the files by hand if the repository allows it, or release a new version',
    );
  if (dryRun) {
    log.info(`The ${release.draft ? 'draft' : 'published'} ${kind} ${spec.tag} exists: ${release.htmlUrl}`);
    for (const line of assetLines(actions, true)) log.info(line);
    log.info(release.draft ? 'Would then check every asset and publish it.' : 'Nothing to do: it is published with every asset.');
    return release.htmlUrl;
  }
  for (const a of missing) {
    // An unfinished upload is only ever on a draft here (checked above): it is done again.
    if (a.action === 'retry') await api.deleteAsset(a.remote.id);
    const file = assets.find((x) => x.name === a.local.name)!;
    await uploadOnce(api, release, file, log);
  }
  for (const line of assetLines(actions, false)) log.info(line);

  // Published assets cannot change: what GitHub holds is checked before, not after.
  const after = await compare(api, release, assets);
  refuseDifferences(after, spec.tag, release);
  const absent = after.filter((a) => a.action !== 'keep');
  if (absent.length)
    throw new ArtifactsError(
      `after uploading, ${spec.tag} still lacks ${absent.map((a) => a.local.name).join(', ')}; it was not published`,
      'run again: assets already uploaded are kept',
    );
  if (!release.draft) {
    log.info(`GitHub ${kind} ${spec.tag}: unchanged, published with all ${assets.length} assets  ${release.htmlUrl}`);
    return release.htmlUrl;
  }
  release = await api.publish(release.id);
  log.info(`GitHub ${kind} ${spec.tag}: published with all ${assets.length} assets  ${release.htmlUrl}`);
  return release.htmlUrl;
}

/**
 * A 422 on upload means the name is taken: another run for the tag uploaded it meanwhile. Its
 * bytes are checked with every other asset before publishing, so the run goes on.
 */
async function uploadOnce(api: ReleasesApi, release: FoundRelease, file: UploadAsset, log: Logger): Promise<void> {
  try {
    await api.uploadAsset(release, file.name, file.path, file.contentType);
  } catch (err) {
    if (!(err instanceof GitHubError) || err.status !== 422) throw err;
    log.info(`  ${file.name} was uploaded by another run meanwhile: checked below`);
  }
}

/** Each local asset against the release's, hashing only those GitHub gives no digest for. */
async function compare(api: ReleasesApi, release: FoundRelease, assets: UploadAsset[]): Promise<AssetAction[]> {
  const remote = await api.listAssets(release.id);
  for (const r of assetsToHash(assets, remote)) r.sha256 = await api.hashAsset(r.id);
  return compareAssets(assets, remote);
}

function refuseDifferences(actions: AssetAction[], tag: string, release: FoundRelease): void {
  const differs = actions.flatMap((a) => (a.action === 'differs' ? [a] : []));
  if (!differs.length) return;
  throw new ArtifactsError(
    `${differs.length} asset(s) of ${tag} (${release.htmlUrl}) differ from the local files; nothing was uploaded, deleted or replaced:\n  ${differs.map(differenceLine).join('\n  ')}`,
    release.draft
      ? 'find out which build is right: delete the wrong asset from the draft on GitHub, or put the released file in the output directory, then run again'
      : 'a published release keeps its assets: if the local files are the right ones, release a new version',
  );
}

/**
 * Jobs for the same tag may run at once (a rerun beside a late run). Each creates a draft only
 * when the list shows none; afterwards the list decides (pickRelease: the oldest draft), and a
 * draft this run created that lost is deleted, still empty. A 422 from create (the tag taken
 * meanwhile, on servers that refuse a second release of a tag) just means: look again.
 */
async function createDraft(api: ReleasesApi, spec: ReleaseSpec, log: Logger): Promise<FoundRelease> {
  let created: FoundRelease | null = null;
  try {
    created = await api.createDraft(spec);
  } catch (err) {
    if (!(err instanceof GitHubError) || err.status !== 422) throw err;
  }
  const { release } = pickRelease(await api.releasesOfTag(spec.tag), spec.tag);
  if (!release) {
    if (created) return created;
    throw new ArtifactsError(`GitHub refused to create the draft release ${spec.tag} and lists none`, 'check the tag on GitHub, then run again');
  }
  if (created && created.id !== release.id) {
    await api.deleteRelease(created.id);
    log.info(`another run created the draft of ${spec.tag} first: using it (the empty draft this run created is deleted)`);
  } else if (created) log.info(`created the draft ${spec.prerelease ? 'pre-release' : 'release'} ${spec.tag}  ${release.htmlUrl}`);
  return release;
}
