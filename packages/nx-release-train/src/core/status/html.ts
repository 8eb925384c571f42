/**
 * The status as one self-contained page (`--html FILE`): inline CSS, no script, no external
 * request; a timeline of the lines (cut, release, LTS and end-of-life dates), the publish
 * progress per wave, the release's platforms, the bindings, the warnings.
 */
import { addMonths } from './support';
import { headline, sections, supportText } from './sections';
import type { Status, StatusLine } from './types';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

const CSS = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
th{background:#f6f8fa}.tl{position:relative;height:1.6rem;background:#f6f8fa;border-radius:3px;margin:.2rem 0}
.bar{position:absolute;top:.2rem;height:1.2rem;border-radius:3px;background:#2da44e}.dates{font-size:.8rem;color:#57606a;margin-bottom:.4rem}
table.lines td:nth-child(-n+7){white-space:nowrap}
.bar.eol{background:#8c959f}.bar.lts{background:#0969da}.today{position:absolute;top:0;bottom:0;width:2px;background:#cf222e}
.row{display:grid;grid-template-columns:10rem 1fr;gap:.5rem;align-items:center}.legend span{margin-right:1rem}
.prog{background:#eaeef2;border-radius:3px;height:.8rem;width:12rem;display:inline-block;vertical-align:middle;margin-right:.5rem}
.prog i{display:block;height:100%;background:#2da44e;border-radius:3px}.ok{color:#1a7f37}.no{color:#cf222e}.warn{background:#fff8c5;padding:.5rem;border-left:4px solid #bf8700;margin:.3rem 0}`;

function timeline(s: Status): string {
  const ends = (l: StatusLine) => (l.support.status === 'eol' ? (l.support.eolSince ?? s.today) : (l.support.ltsUntil ?? addMonths(s.today, 2)));
  const dated = s.lines.filter((l) => l.cutDate);
  if (dated.length === 0) return '<p>No cut dates known.</p>';
  const from = Math.min(...dated.map((l) => days(l.cutDate!)));
  const to = Math.max(days(s.today), ...dated.map((l) => days(ends(l)))) + 1;
  const pct = (d: number) => ((100 * (d - from)) / (to - from)).toFixed(2);
  const rows = dated.map((l) => {
    const start = days(l.cutDate!);
    const end = Math.max(days(ends(l)), start + 1);
    const cls = l.support.status === 'eol' ? 'eol' : l.support.status === 'lts' || l.support.ltsUntil ? 'lts' : '';
    const dates = [
      `cut ${l.cutDate}`,
      l.releaseDate ? `released ${l.releaseDate}` : null,
      l.support.ltsUntil ? `LTS until ${l.support.ltsUntil}` : null,
      l.support.eolSince ? `EOL ${l.support.eolSince}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
    const bar = `<div class="bar ${cls}" style="left:${pct(start)}%;width:${(Number(pct(end)) - Number(pct(start))).toFixed(2)}%"></div>`;
    return `<div class="row"><div>${esc(l.branch)}</div><div><div class="tl">${bar}<div class="today" style="left:${pct(days(s.today))}%"></div></div><div class="dates">${esc(dates)}</div></div></div>`;
  });
  return `${rows.join('\n')}\n<p class="legend"><span>green: current/previous</span><span>blue: long-term support</span><span>grey: end of life</span><span>red line: today (${esc(s.today)})</span></p>`;
}

function publishing(s: Status): string {
  const parts = s.lines
    .filter((l) => l.publish && l.newestTag)
    .map((l) => {
      const p = l.publish!;
      const waves = [...new Set(p.crates.map((c) => c.wave))]
        .sort((a, b) => a - b)
        .map((w) => {
          const crates = p.crates.filter((c) => c.wave === w);
          const done = crates.filter((c) => c.published).length;
          const names = crates.map((c) => `<span class="${c.published ? 'ok' : 'no'}">${esc(c.name)} ${c.published ? '✓' : '✗'}</span>`).join(', ');
          return `<tr><td>wave ${w + 1}</td><td><span class="prog"><i style="width:${((100 * done) / crates.length).toFixed(0)}%"></i></span>${done}/${crates.length}</td><td>${names}</td></tr>`;
        });
      const yank = p.unyanked.length ? `<p>Superseded candidates not yet yanked: ${esc(p.unyanked.join(', '))}</p>` : '';
      return `<h3>${esc(l.newestTag!.name)}: ${p.published}/${p.total} crates published</h3><table><tr><th>wave</th><th>progress</th><th>crates</th></tr>${waves.join('')}</table>${yank}`;
    });
  return parts.join('\n') || '<p>Nothing read from the registry.</p>';
}

function platforms(s: Status): string {
  const rows = s.lines
    .filter((l) => l.release && l.newestTag)
    .map((l) => {
      const r = l.release!;
      const list = r.exists
        ? r.platforms.map((p) => `<span class="${p.attached ? 'ok' : 'no'}">${esc(p.platform)} ${p.attached ? '✓' : '✗'}</span>`).join(', ') ||
          'no platforms configured'
        : 'no GitHub release';
      return `<tr><td>${esc(l.newestTag!.name)}</td><td>${r.exists ? (r.draft ? 'draft' : r.prerelease ? 'pre-release' : 'release') : '-'}</td><td>${list}</td></tr>`;
    });
  return rows.length ? `<table><tr><th>tag</th><th>release</th><th>platforms</th></tr>${rows.join('')}</table>` : '<p>Nothing read from GitHub.</p>';
}

function table(title: string, header: string[], rows: string[][], empty: string, cls = ''): string {
  if (rows.length === 0) return `<h2>${esc(title)}</h2><p>${esc(empty)}</p>`;
  return `<h2>${esc(title)}</h2><table${cls ? ` class="${cls}"` : ''}><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}

export function html(s: Status): string {
  const [first, second] = headline(s);
  const bySection = new Map(sections(s).map((sec) => [sec.title, sec]));
  const lines = bySection.get('Release lines')!;
  const rest = ['Open pull requests of the train', 'Bindings', 'Skipped'].map((t) => bySection.get(t)).filter((x) => x !== undefined);
  const warnings = s.warnings.length
    ? s.warnings.map((w) => `<div class="warn"><strong>${esc(w.message)}</strong><br>${esc(w.fix)}</div>`).join('')
    : '<p>None.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(first)}</title><style>${CSS}</style></head><body>
<h1>${esc(first)}</h1><p>${esc(second)}</p>
<h2>Warnings</h2>${warnings}
<h2>Next</h2><ol>${s.next.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>
<h2>Timeline</h2>${timeline(s)}
${table(lines.title, lines.header, lines.rows, lines.empty, 'lines')}
<h2>Publishing</h2>${publishing(s)}
<h2>Platforms</h2>${platforms(s)}
${rest.map((sec) => table(sec.title, sec.header, sec.rows, sec.empty)).join('\n')}
<p><small>Written by nx release-status (${esc(s.today)}); support: ${esc(s.lines.map((l) => `${l.branch} ${supportText(l.support)}`).join('; '))}.</small></p>
</body></html>
`;
}
