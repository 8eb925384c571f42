/**
 * The GitHub release's notes: the top section of RELEASES.md, i.e. everything before the
 * first line of 80 `-` (SPEC §3). Pure text in, text out.
 */

const SEPARATOR = '-'.repeat(80);

export interface ReleaseNotes {
  body: string;
  /** Problems worth a warning; the notes are still usable. */
  warnings: string[];
}

/**
 * Extracts the top section and checks that it is the section of `version` and that it has been
 * released (a release whose notes still say `Unreleased.` was most likely tagged too early).
 */
export function releaseNotes(text: string, version: string, file: string): ReleaseNotes {
  const lines = text.replaceAll('\r\n', '\n').split('\n');
  const end = lines.findIndex((line) => line.trimEnd() === SEPARATOR);
  const warnings: string[] = [];
  if (end < 0) warnings.push(`${file}: no line of 80 '-' ends the top section; the whole file is used as release notes`);
  const body = lines
    .slice(0, end < 0 ? lines.length : end)
    .join('\n')
    .trim();
  const heading = body.split('\n').find((line) => /^#{1,6}\s/.test(line));
  if (!heading) {
    warnings.push(`${file}: the top section has no heading; expected '## ${version}'`);
  } else if (!new RegExp(`^#{1,6}\\s+v?${escapeRegExp(version)}\\s*$`).test(heading.trim())) {
    warnings.push(`${file}: the top section is '${heading.trim()}', not '## ${version}'; check out the release tag`);
  }
  if (/^Unreleased\.?\s*$/m.test(body)) {
    warnings.push(`${file}: the top section still says 'Unreleased.'; release day marks it 'Released <date>.'`);
  }
  return { body, warnings };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
