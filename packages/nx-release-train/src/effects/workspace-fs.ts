/** Reads a Cargo workspace from disk into the pure model. */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Workspace } from '../core/model';
import { buildWorkspace } from '../core/workspace';

/** Directories never holding workspace manifests worth reading. */
export const SKIP_DIRS = new Set(['target', 'node_modules', 'dist']);

/**
 * Every Cargo.toml below `root`, as relative POSIX paths, sorted. A symbolic link to a
 * directory inside the workspace is followed (cargo accepts a linked member), once per real
 * directory; links leading out of the workspace are not. `beforeListing` is told each
 * directory (relative, '.' for the root) before it is listed.
 */
export function findManifests(root: string, beforeListing?: (dir: string) => void): string[] {
  const out: string[] = [];
  const realRoot = realpathSync(root);
  const seen = new Set<string>();
  // `real` is the directory's real path: a plain directory's is its parent's plus its name, so
  // only a link costs a realpath (one per directory made the walk most of the graph's time).
  const walk = (rel: string, real: string) => {
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      if (seen.has(real) || (real !== realRoot && !real.startsWith(realRoot + sep))) return;
      seen.add(real);
      beforeListing?.(rel || '.');
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const link = e.isSymbolicLink() && isDirectory(join(abs, e.name));
      if (e.isDirectory() || link) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        const target = link ? realOf(join(abs, e.name)) : join(real, e.name);
        if (target) walk(rel ? `${rel}/${e.name}` : e.name, target);
      } else if (e.name === 'Cargo.toml' && e.isFile()) {
        out.push(rel ? `${rel}/Cargo.toml` : 'Cargo.toml');
      }
    }
  };
  walk('', realRoot);
  return out.sort();
}

function realOf(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link
  }
}

export function readText(root: string, rel: string): string | null {
  try {
    return readFileSync(join(root, rel), 'utf8');
  } catch {
    return null;
  }
}

export function loadWorkspace(root: string, manifests: string[] = findManifests(root)): Workspace {
  return buildWorkspace({ manifests, read: (rel) => readText(root, rel) });
}
