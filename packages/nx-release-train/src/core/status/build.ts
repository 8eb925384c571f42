/**
 * The status model from gathered data (pure): stages, support under the policy, the schedule,
 * pull request ages, and the warnings a maintainer must act on.
 */
import type { ReleaseTrainOptions } from '../settings/options';
import { stageOf } from '../version/prerelease';
import { nextSteps } from './next';
import { nextDay, supportOf } from './support';
import type { Gathered, Status, StatusLine, StatusPull, Warning } from './types';

const DAY = 24 * 60 * 60 * 1000;
/** A train pull request older than this wants attention. */
export const STALE_DAYS = 7;

export function stageLabel(version: string | null, options: ReleaseTrainOptions): string | null {
  if (version === null) return null;
  const stage = stageOf(version, options);
  if (stage.kind === 'dev') return `-${options.devSuffix}`;
  if (stage.kind === 'candidate') return `${options.candidateSuffix}.${stage.n}`;
  if (stage.kind === 'final') return 'released';
  return version.includes('-') ? version.slice(version.indexOf('-') + 1) : 'unknown';
}

export function buildStatus(g: Gathered, options: ReleaseTrainOptions, now: number): Status {
  const support = supportOf(g.lines, options, g.today);
  const lines: StatusLine[] = g.lines.map((l) => {
    let stage = stageLabel(l.version, options)!;
    // A final version nobody tagged yet (here or on GitHub) is not released: release day is under way.
    if (stage === 'released' && l.newestTag?.version !== l.version && !l.tipTag) stage = 'final, not tagged';
    return { ...l, stage, support: support.get(l.branch)! };
  });
  const pulls: StatusPull[] | null = g.pulls && g.pulls.map((p) => ({ ...p, ageDays: Math.max(0, Math.floor((now - Date.parse(p.createdAt)) / DAY)) }));
  const schedule = { ...options.schedule, nextCut: nextDay(g.today, options.schedule.cutDay), nextRelease: nextDay(g.today, options.schedule.releaseDay) };
  return {
    version: 1,
    today: g.today,
    repository: g.repository,
    main: { ...g.main, stage: stageLabel(g.main.version, options) },
    schedule,
    lines,
    pulls,
    bindings: g.bindings,
    warnings: warningsOf(lines, pulls, options),
    next: nextSteps({ lines, schedule, pulls }, options),
    skipped: g.skipped,
  };
}

function warningsOf(lines: StatusLine[], pulls: StatusPull[] | null, options: ReleaseTrainOptions): Warning[] {
  const out: Warning[] = [];
  for (const l of lines) {
    const eol = l.support.status === 'eol' ? l.support.eolSince : null;
    const open = (pulls ?? []).filter((p) => p.base === l.branch);
    if (l.support.status === 'eol' && ((eol && l.tipDate > eol) || open.length > 0)) {
      const what = [eol && l.tipDate > eol ? `a commit on ${l.tipDate}` : null, ...open.map((p) => `pull request #${p.number}`)].filter(Boolean).join(' and ');
      out.push({
        kind: 'eol-patched',
        message: `${l.branch} is past its end of life${eol ? ` (since ${eol})` : ''} and still gets patches: ${what}`,
        fix: `patch supported lines only (nx release-patch --target=supported), or raise the support policy (supportedLines, ltsEvery, ltsMonths) if ${l.line} is meant to be supported`,
      });
    }
    if (l.tipMarked && !l.tipTag) {
      out.push({
        kind: 'untagged-release',
        message: `${l.branch}'s tip ${l.tip.slice(0, 12)} carries ${options.marker} but is not tagged (version ${l.version}; tags as this clone and GitHub know them)`,
        fix: `check the tag job of CI for that commit, or run nx release-tag --push on ${l.branch}`,
      });
    }
    if (l.publish && l.publish.unyanked.length > 0 && l.publish.published === l.publish.total) {
      out.push({
        kind: 'unyanked',
        message: `${l.newestTag!.name} is fully published but superseded candidates are still not yanked: ${l.publish.unyanked.join(', ')}`,
        fix: `run nx release-yank on ${l.branch}`,
      });
    }
  }
  for (const p of pulls ?? []) {
    if (p.ageDays > STALE_DAYS) {
      out.push({
        kind: 'stale-pull',
        message: `pull request #${p.number} "${p.title}" (${p.head} into ${p.base}) has been open for ${p.ageDays} days`,
        fix: `review and merge it, or close it: ${p.url}`,
      });
    }
  }
  return out;
}
