/**
 * Workspace members behind symbolic links, found where cargo looks for members: an explicit
 * member's directory, and the directories a member glob walks (below its literal prefix). For
 * a list of manifests made without following links (Nx's), these are the ones it misses. Only
 * those places are looked at, so only they need watching: `look(rel)` is told each directory
 * before it is listed and each manifest path before it is tried (the tree stamp takes them).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { globToRegExp, isGlob, isOutside, joinPath, manifestOf } from '../core/paths';
import { SKIP_DIRS } from './workspace-fs';

export function linkedMemberManifests(
  root: string,
  rootDir: string,
  patterns: readonly string[],
  listed: ReadonlySet<string>,
  look: (rel: string) => void = () => {},
): string[] {
  const realRoot = realOf(root) ?? root;
  const found = new Set<string>();
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);
  const tryManifest = (dir: string) => {
    const manifest = manifestOf(dir);
    if (listed.has(manifest) || found.has(manifest)) return;
    look(manifest);
    if (isFile(join(root, manifest))) found.add(manifest);
  };

  for (const pattern of patterns) {
    const full = joinPath(rootDir, pattern);
    const parts = full === '.' ? [] : full.split('/');
    if (isOutside(full) || parts.some(skipped)) continue;
    if (!isGlob(full)) {
      // Listed: no link on its way. Otherwise watched (a link may be made there later).
      if (listed.has(manifestOf(full))) continue;
      if (throughLink(root, full, realRoot)) tryManifest(full);
      else look(manifestOf(full));
      continue;
    }
    const at = parts.findIndex((p) => isGlob(p));
    const prefix = parts.slice(0, at).join('/') || '.';
    const rest = parts.slice(at);
    const deep = rest.some((p) => p.includes('**'));
    const re = globToRegExp(full);
    const prefixReal = realOf(join(root, prefix));
    if (prefixReal === null || !inside(prefixReal)) {
      look(prefix); // not there (or out of the tree): watched, so a link made there is seen
      continue;
    }
    // The real directories on the way down: a link back to one of them is a loop.
    const chain = new Set<string>();
    const walk = (rel: string, real: string, viaLink: boolean, left: number) => {
      look(rel);
      let entries;
      try {
        entries = readdirSync(join(root, rel), { withFileTypes: true });
      } catch {
        return;
      }
      chain.add(real);
      for (const e of entries) {
        if (skipped(e.name)) continue;
        const link = e.isSymbolicLink();
        const child = rel === '.' ? e.name : `${rel}/${e.name}`;
        let childReal = join(real, e.name);
        if (link) {
          const target = realOf(join(root, child));
          if (target === null || !inside(target) || chain.has(target) || !isDirectory(target)) continue;
          childReal = target;
        } else if (!e.isDirectory()) continue;
        const through = viaLink || link;
        if (through && (left === 1 || deep) && re.test(child)) tryManifest(child);
        if (left > 1 || deep) walk(child, childReal, through, left - 1);
      }
      chain.delete(real);
    };
    walk(prefix, prefixReal, prefixReal !== join(realRoot, prefix), rest.length);
  }
  return [...found].sort();
}

/** True when `dir` (relative) goes through a symbolic link to a place inside the tree. */
export function throughLink(root: string, dir: string, realRoot = realOf(root) ?? root): boolean {
  const real = realOf(join(root, dir));
  return real !== null && (real === realRoot || real.startsWith(realRoot + sep)) && real !== join(realRoot, dir);
}

/** Directories the walk for manifests never enters (see workspace-fs.ts), by any segment. */
const skipped = (segment: string) => segment.startsWith('.') || SKIP_DIRS.has(segment);

/** One realpath(3) call (the JS realpathSync takes an lstat per path component). */
function realOf(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
