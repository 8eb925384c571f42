/**
 * RELEASES.md (SPEC §3). Sections are newest first and separated by a line of 80 '-'; an
 * archive list follows `<!-- ARCHIVE_START -->`.
 *
 * - cut (major): the top section stays on the release branch only, so it is dropped (up to and
 *   including the first separator); the new version's section starts from the template, and
 *   the archive gains a line for the version just branched.
 * - release day and patch: the top section's `Unreleased.` becomes `Released <date>.`.
 */
import { splitLines } from './diff';

export const SEPARATOR = '-'.repeat(80);
export const ARCHIVE_MARK = '<!-- ARCHIVE_START -->';

/** A problem found in RELEASES.md, without file (the caller names it). */
export interface ReleasesProblem {
  line?: number;
  message: string;
  fix: string;
}

export type ReleasesResult = { text: string } | { error: ReleasesProblem };

function content(line: string): string {
  return line.replace(/\r?\n$/, '');
}

function eol(line: string): string {
  return line.endsWith('\r\n') ? '\r\n' : '\n';
}

/** Index of the first separator line, or -1. */
function separatorIndex(lines: string[]): number {
  return lines.findIndex((l) => content(l) === SEPARATOR);
}

/** The version in the first `## X` heading before the first separator, with its 1-based line. */
export function topSection(text: string): { version: string; line: number } | null {
  const lines = splitLines(text);
  const end = separatorIndex(lines);
  for (let i = 0; i < (end < 0 ? lines.length : end); i++) {
    const m = /^##\s+(\S+)\s*$/.exec(content(lines[i]));
    if (m) return { version: m[1], line: i + 1 };
  }
  return null;
}

/**
 * The cut: `template` (with VERSION replaced by `newVersion`) followed by everything after the
 * first separator, with `archiveLine` inserted right after the archive marker.
 */
export function rotateReleases(text: string, template: string, newVersion: string, archiveLine: string): ReleasesResult {
  const lines = splitLines(text);
  const sep = separatorIndex(lines);
  if (sep < 0)
    return {
      error: {
        message: `no separator line (80 '-') ends the top section`,
        fix: `end the top section with a line of 80 '-', as the template does`,
      },
    };
  const rest = lines.slice(sep + 1);
  const mark = rest.findIndex((l) => content(l).trim() === ARCHIVE_MARK);
  if (mark < 0) return { error: { message: `no ${ARCHIVE_MARK} line after the top section`, fix: `add a line ${ARCHIVE_MARK} above the archive list` } };
  if (rest.some((l, i) => i > mark && content(l) === archiveLine))
    return {
      error: {
        line: sep + 2 + rest.findIndex((l, i) => i > mark && content(l) === archiveLine),
        message: `the archive already lists "${archiveLine}": this version was cut already`,
        fix: 'check that main is at the version you mean to cut',
      },
    };
  rest.splice(mark + 1, 0, archiveLine + eol(rest[mark]));
  return { text: template.replaceAll('VERSION', newVersion) + rest.join('') };
}

/** Release day / patch: the top `Unreleased.` becomes `Released <date>.`; unchanged if none. */
export function dateReleases(text: string, date: string): string {
  const lines = splitLines(text);
  const sep = separatorIndex(lines);
  const end = sep < 0 ? lines.length : sep;
  for (let i = 0; i < end; i++) {
    if (content(lines[i]).trim() !== 'Unreleased.') continue;
    lines[i] = lines[i].replace('Unreleased.', `Released ${date}.`);
    return lines.join('');
  }
  return text;
}

/**
 * Why `text` is not release notes of the expected shape (a top `## X` section ended by a line
 * of 80 '-', and on a cut an archive mark after it), or null when it is.
 */
export function shapeProblem(text: string, cut: boolean): string | null {
  const lines = splitLines(text);
  const sep = separatorIndex(lines);
  if (sep < 0) return `no separator line (80 '-') after a top section`;
  if (!lines.slice(0, sep).some((l) => /^##\s+\S+\s*$/.test(content(l)))) return 'no "## <version>" heading before the first separator';
  if (cut && !lines.slice(sep + 1).some((l) => content(l).trim() === ARCHIVE_MARK)) return `no ${ARCHIVE_MARK} line`;
  return null;
}
