/**
 * Symbolic links to crate directories inside the tree (cargo follows them: a member may be a
 * link). Pure: from a revision's paths and its links' texts, the files seen through each link
 * (`crates/linked/Cargo.toml` -> `vendor/real/Cargo.toml`), so the workspace reads them and
 * edits land on the real file, never on (or through) the link. Links out of the tree, absolute
 * links and links to something other than a crate directory are not followed.
 */
import { dirOf, isOutside, joinPath } from './paths';

export function linkedCrateFiles(paths: readonly string[], links: ReadonlyMap<string, string>): Map<string, string> {
  const aliases = new Map<string, string>();
  const known = new Set(paths);
  for (const [link, text] of links) {
    if (text.startsWith('/') || text.includes('\n')) continue;
    const target = joinPath(dirOf(link), text);
    if (target === '.' || isOutside(target) || link.startsWith(`${target}/`) || !known.has(`${target}/Cargo.toml`)) continue;
    for (const path of paths) {
      if (path.startsWith(`${target}/`)) aliases.set(`${link}/${path.slice(target.length + 1)}`, path);
    }
  }
  return aliases;
}
