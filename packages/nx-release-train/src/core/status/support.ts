/**
 * The support policy (SPEC §8) and the schedule as dates. Which lines are supported is decided
 * by `supportedLines` (core/patch-target.ts), the rule `release-patch` applies, so the status
 * never calls a line supported that the patch command would refuse, nor the reverse.
 */
import semver from 'semver';
import type { ReleaseTrainOptions } from '../settings/options';
import { newestPerLine, supportedLines, type LineInfo } from '../patch-target';
import { lineNumber } from '../release-line';
import type { GatheredLine, Support } from './types';

/** `date` plus `months` (the day kept, clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The next date on or after `today` whose day of the month is `day`. */
export function nextDay(today: string, day: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const month = d <= day ? addMonths(`${y}-${String(m).padStart(2, '0')}-01`, 0) : addMonths(`${y}-${String(m).padStart(2, '0')}-01`, 1);
  return `${month.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

type SupportPolicy = Pick<ReleaseTrainOptions, 'supportedLines' | 'ltsEvery' | 'ltsMonths'>;

const isLts = (line: string, o: SupportPolicy) => o.ltsEvery > 0 && o.ltsMonths > 0 && lineNumber(line) % o.ltsEvery === 0;

/**
 * Support of each line (by branch name): the newest `supportedLines` lines are current,
 * previous (then supported); a long-term line is supported until its cut date plus
 * `ltsMonths` (the date `supportedLines` counts from); any other line is at end of life since
 * the cut of the line that pushed it out of the newest ones (a long-term line: since its LTS end).
 */
export function supportOf(lines: readonly GatheredLine[], options: ReleaseTrainOptions, today: string): Map<string, Support> {
  const infos: LineInfo[] = lines.map((l) => ({
    name: l.branch,
    version: semver.valid(l.version) ? l.version : [...l.line.split('.'), '0', '0'].slice(0, 3).join('.'),
    major: 0,
    line: l.line,
    cutDate: l.cutDate,
  }));
  const supported = new Set(supportedLines(infos, options, today).map((l) => l.name));
  // Ranked as release-patch counts them: a line once, on its newest branch; an older branch of
  // a line (two branches of one line) is out of support since the newer one's cut.
  const newest = newestPerLine(infos);
  const out = new Map<string, Support>();
  for (const l of lines) {
    const rank = newest.findIndex((n) => n.name === l.branch);
    const ltsUntil = isLts(l.line, options) && l.cutDate ? addMonths(l.cutDate, options.ltsMonths) : null;
    if (rank >= 0 && rank < options.supportedLines) {
      out.set(l.branch, { status: rank === 0 ? 'current' : rank === 1 ? 'previous' : 'supported', ltsUntil, eolSince: null });
    } else if (supported.has(l.branch)) {
      out.set(l.branch, { status: 'lts', ltsUntil, eolSince: null });
    } else {
      const pushedOut = rank < 0 ? (newest.find((n) => n.line === l.line)?.cutDate ?? null) : (newest[rank - options.supportedLines]?.cutDate ?? null);
      // A long-term line outlives its place among the newest: its end is the LTS end.
      out.set(l.branch, { status: 'eol', ltsUntil, eolSince: ltsUntil ?? pushedOut });
    }
  }
  return out;
}
