/**
 * What git says about the lines the settings do not decide (core/version/line-moves.ts): for
 * each, the newest release tag (`tagPattern`) whose tree carries the line's current version,
 * and which of its crates' directories differ between that tag and the commit planned. Tags
 * are read newest first and the search stops at the first tag with an older version of the
 * line, so a line costs a read per release since its version was made (not the whole history).
 * The newer versions of the line seen on the way are kept: a patch must not give one again.
 */
import semver from 'semver';
import type { Workspace } from '../../core/model';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import { linesToLookUp, type LineHistory, type LineHistoryEntry } from '../../core/version/line-moves';
import { findEntry, scanToml } from '../../core/version/toml-scan';
import type { Git } from '../../effects/git';

const VERSION = String.raw`(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)`;

/** Release tags among tag names, newest version first (`{version}` read back from `tagPattern`). */
export function releaseTags(names: readonly string[], tagPattern: string): Array<{ tag: string; version: string }> {
  const parts = tagPattern.split(/(\{version\}|\{major\}|\{minor\}|\{patch\})/);
  const source = parts.map((p) => (p === '{version}' ? VERSION : /^\{\w+\}$/.test(p) ? String.raw`\d+` : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  if (!tagPattern.includes('{version}')) return [];
  const re = new RegExp(`^${source}$`);
  return names
    .map((tag) => ({ tag, version: re.exec(tag)?.[1] ?? '' }))
    .filter((t) => semver.valid(t.version))
    .sort((a, b) => semver.rcompare(a.version, b.version));
}

function packageVersion(text: string | undefined): string | null {
  if (text === undefined) return null;
  try {
    const entry = findEntry(scanToml(text), ['package', 'version']);
    return entry?.kind === 'string' ? entry.value : null;
  } catch {
    return null;
  }
}

/** `prefix`: the workspace's directory inside the repository ('' at its root, else ending in '/'). */
export async function lineHistory(git: Git, commit: string, ws: Workspace, options: ReleaseTrainOptions, prefix = ''): Promise<LineHistory> {
  const history = new Map<string, LineHistoryEntry>();
  const lookups = linesToLookUp(ws, options);
  if (lookups.length === 0) return history;
  const names = (await git.out(['for-each-ref', '--format=%(refname:short)', 'refs/tags'])).split('\n').filter(Boolean);
  const tags = releaseTags(names, options.tagPattern);
  for (const { line, version, crates } of lookups) {
    // The line's version at a tag: its highest crate there (crates of a line may differ in patch).
    // The walk goes on past the tag found while tags carry the version or a newer one, to see
    // which newer versions of the line other branches released (a patch must not reuse one).
    let found: string | null = null;
    const taken: Array<{ tag: string; version: string }> = [];
    for (const { tag } of tags) {
      const texts = await git.readFiles(
        tag,
        crates.map((c) => prefix + c.manifest),
      );
      const there = crates.map((c) => packageVersion(texts.get(prefix + c.manifest))).filter((v): v is string => v !== null && semver.valid(v) !== null);
      if (there.length === 0) break; // the line did not exist yet
      const top = there.reduce((a, b) => (semver.gt(b, a) ? b : a));
      if (top === version) found ??= tag;
      else if (semver.gt(top, version)) taken.push({ tag, version: top });
      else break; // older tags carry older versions
    }
    if (found === null) {
      history.set(line, { tag: null, changed: [], taken });
      continue;
    }
    const dirs = crates.map((c) => prefix + (c.manifest.includes('/') ? c.manifest.slice(0, c.manifest.lastIndexOf('/') + 1) : ''));
    const paths = (await git.out(['diff', '--name-only', found, commit, '--', ...dirs.map((d) => (d ? `:(top)${d}` : ':/'))])).split('\n').filter(Boolean);
    const changed = crates.filter((_, i) => paths.some((p) => p.startsWith(dirs[i]))).map((c) => c.name);
    history.set(line, { tag: found, changed, taken });
  }
  return history;
}
