/**
 * What to do next, for a newcomer: the train's next step from the lines' stages and the
 * schedule, and what is half done after the newest tags (crates not in the index, archives
 * not attached). Warnings (build.ts) are problems; these are the ordinary next moves.
 */
import type { ReleaseTrainOptions } from '../settings/options';
import { stageOf } from '../version/prerelease';
import type { Status, StatusLine } from './types';

function afterTag(l: StatusLine): string[] {
  const out: string[] = [];
  const tag = l.newestTag!.name;
  if (l.publish && l.publish.published < l.publish.total) {
    const missing = l.publish.crates.filter((c) => !c.published).map((c) => c.name);
    out.push(
      `${tag}: ${missing.length} of ${l.publish.total} crates not in the index yet (${missing.join(', ')}): let the publish job finish, or rerun it (nx run-many -t publish resumes)`,
    );
  }
  if (l.release && !l.release.exists)
    out.push(`${tag}: no GitHub release yet: the workflow's assets job publishes it once every build job is done (nx release-assets); if it failed, rerun it`);
  const missing = l.release?.platforms.filter((p) => !p.attached).map((p) => p.platform) ?? [];
  // Build jobs hand their files to the assets job, whose release-assets publishes the release
  // once it holds them all: a draft lacking some is finished by rerunning the assets job (after
  // the failed build jobs); a published release is never written to (immutable releases).
  if (l.release?.exists && missing.length && l.release.draft)
    out.push(
      `${tag}: the draft release lacks the archives of ${missing.join(', ')}: rerun the failed build jobs, then the assets job (its nx release-assets publishes the release once every platform's files are there)`,
    );
  else if (l.release?.exists && missing.length)
    out.push(
      `${tag}: published without the archives of ${missing.join(', ')}: a published release takes no more assets (immutable releases); attach them by hand if the repository allows it, or release a new version`,
    );
  return out;
}

export function nextSteps(s: Pick<Status, 'lines' | 'schedule' | 'pulls'>, options: ReleaseTrainOptions): string[] {
  const out: string[] = [];
  const newest = s.lines[0];
  const open = (kind: string, base?: string) => (s.pulls ?? []).find((p) => p.kind === kind && (!base || p.base === base));
  const kind = newest && stageOf(newest.version, options).kind;
  if (kind === 'dev' || kind === 'candidate' || kind === 'pre') {
    const pr = open('release', newest.branch);
    out.push(
      pr
        ? `release day: review and merge #${pr.number} "${pr.title}"`
        : `release day ${s.schedule.nextRelease}: nx release-latest proposes ${newest.version.replace(/-.*$/, '')} on ${newest.branch}`,
    );
  }
  const bump = open('bump');
  out.push(
    bump ? `the cut: review and merge #${bump.number} "${bump.title}"` : `next cut ${s.schedule.nextCut}: nx release-major branches main and proposes its bump`,
  );
  for (const p of (s.pulls ?? []).filter((x) => x.kind === 'patch' || x.kind === 'candidate'))
    out.push(`review and merge #${p.number} "${p.title}" into ${p.base}`);
  for (const l of s.lines) if (l.newestTag && l.support.status !== 'eol') out.push(...afterTag(l));
  return out;
}
