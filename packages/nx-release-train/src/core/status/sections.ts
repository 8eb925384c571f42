/**
 * The status as sections of plain cells, shared by the terminal table and the Markdown of the
 * issue and the step summary (one wording, two layouts).
 */
import type { Status, StatusLine, Support } from './types';

export interface Section {
  title: string;
  header: string[];
  rows: string[][];
  /** Said instead of an empty table. */
  empty: string;
  /** Shown as a list (each row: the item, then what to do), not a table. */
  list?: boolean;
}

export function supportText(s: Support): string {
  const lts = s.ltsUntil ? `LTS until ${s.ltsUntil}` : null;
  if (s.status === 'eol') return `end of life${s.eolSince ? ` since ${s.eolSince}` : ''}`;
  if (s.status === 'lts') return lts!;
  return lts ? `${s.status}, ${lts}` : s.status;
}

function publishedText(l: StatusLine): string {
  if (!l.newestTag) return '-';
  if (!l.publish) return 'not read';
  const p = l.publish;
  const yank = p.unyanked.length ? `; not yanked: ${p.unyanked.join(', ')}` : '';
  return `${p.published}/${p.total} crates${yank}`;
}

function releaseText(l: StatusLine): string {
  if (!l.newestTag) return '-';
  if (!l.release) return 'not read';
  if (!l.release.exists) return 'no GitHub release';
  const missing = l.release.platforms.filter((p) => !p.attached).map((p) => p.platform);
  const have = l.release.platforms.length - missing.length;
  const kind = l.release.draft ? 'draft' : l.release.prerelease ? 'pre-release' : 'release';
  return `${kind}, ${have}/${l.release.platforms.length} platforms${missing.length ? ` (missing ${missing.join(', ')})` : ''}`;
}

export function headline(s: Status): string[] {
  const main = s.main.version ? `${s.main.branch} at ${s.main.version}` : `${s.main.branch} (version not read)`;
  return [
    `Release train${s.repository ? ` of ${s.repository}` : ''} on ${s.today}: ${main}`,
    `Next cut ${s.schedule.nextCut} (day ${s.schedule.cutDay}), next release day ${s.schedule.nextRelease} (day ${s.schedule.releaseDay})`,
  ];
}

export function sections(s: Status): Section[] {
  const out: Section[] = [
    {
      title: 'Release lines',
      header: ['branch', 'version', 'stage', 'support', 'cut', 'released', 'newest tag', 'published', 'GitHub release'],
      rows: s.lines.map((l) => [
        l.branch,
        l.version,
        l.stage,
        supportText(l.support),
        l.cutDate ?? '-',
        l.releaseDate ?? '-',
        l.newestTag?.name ?? '-',
        publishedText(l),
        releaseText(l),
      ]),
      empty: 'no release branch yet (nx release-major cuts the first)',
    },
  ];
  if (s.pulls) {
    out.push({
      title: 'Open pull requests of the train',
      header: ['#', 'kind', 'title', 'branch', 'into', 'age'],
      rows: s.pulls.map((p) => [`#${p.number}`, p.kind, p.title, p.head, p.base, `${p.ageDays} days`]),
      empty: 'none',
    });
  }
  if (s.bindings) {
    out.push({
      title: 'Bindings',
      header: ['binding', 'repository', 'should follow', 'on it', 'pull request'],
      rows: s.bindings.map((b) => [
        b.name,
        b.repository ?? '-',
        b.wanted ?? '-',
        b.onWanted === null ? 'not read' : b.onWanted ? 'yes' : 'no',
        b.pull ? `#${b.pull.number}` : '-',
      ]),
      empty: 'no binding repositories configured',
    });
  }
  out.push({ title: 'Next', header: ['step'], rows: s.next.map((n) => [n]), empty: 'nothing scheduled', list: true });
  out.push({
    title: 'Warnings',
    header: ['warning', 'what to do'],
    rows: s.warnings.map((w) => [w.message, w.fix]),
    empty: 'none',
    list: true,
  });
  if (s.skipped.length) out.push({ title: 'Skipped', header: ['source', 'why'], rows: s.skipped.map((k) => [k.source, k.reason]), empty: '' });
  return out;
}

/** The terminal table: padded columns, one block per section. */
export function textTable(s: Status): string {
  const blocks = [headline(s).join('\n')];
  for (const sec of sections(s)) {
    if (sec.rows.length === 0) {
      blocks.push(`${sec.title}: ${sec.empty}`);
      continue;
    }
    if (sec.list) {
      blocks.push([`${sec.title}:`, ...sec.rows.map(([item, fix]) => `  - ${item}${fix ? `\n    fix: ${fix}` : ''}`)].join('\n'));
      continue;
    }
    const widths = sec.header.map((h, i) => Math.max(h.length, ...sec.rows.map((r) => r[i].length)));
    const fmt = (cells: string[]) =>
      cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    blocks.push([`${sec.title}:`, `  ${fmt(sec.header)}`, ...sec.rows.map((r) => `  ${fmt(r)}`)].join('\n'));
  }
  return blocks.join('\n\n');
}

const cell = (c: string) => c.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The Markdown of the status issue and the step summary. */
export function markdown(s: Status): string {
  const [first, second] = headline(s);
  const parts = [`## ${first}`, second];
  for (const sec of sections(s)) {
    parts.push(`### ${sec.title}`);
    if (sec.rows.length === 0) parts.push(sec.empty);
    else if (sec.list) parts.push(sec.rows.map(([item, fix]) => `- ${item}${fix ? `<br>fix: ${fix}` : ''}`).join('\n'));
    else
      parts.push(
        [
          `| ${sec.header.map(cell).join(' | ')} |`,
          `|${sec.header.map(() => ' --- |').join('')}`,
          ...sec.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        ].join('\n'),
      );
  }
  parts.push('<sub>Written by `nx release-status` (the status issue is rewritten on every run: edits by hand do not last).</sub>');
  return `${parts.join('\n\n')}\n`;
}
