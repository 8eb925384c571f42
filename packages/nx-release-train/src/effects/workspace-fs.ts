/** Reads a Cargo workspace from disk into the pure model. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../core/model';
import { buildWorkspace } from '../core/workspace';

/** Directories never holding workspace manifests worth reading. */
const SKIP_DIRS = new Set(['target', 'node_modules', 'dist']);

/** Every Cargo.toml below `root`, as relative POSIX paths, sorted. */
export function findManifests(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = rel ? join(root, rel) : root;
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) walk(rel ? `${rel}/${e.name}` : e.name);
      } else if (e.name === 'Cargo.toml' && e.isFile()) {
        out.push(rel ? `${rel}/Cargo.toml` : 'Cargo.toml');
      }
    }
  };
  walk('');
  return out.sort();
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
