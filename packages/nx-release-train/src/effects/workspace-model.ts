/**
 * The workspace model, computed once per distinct set of manifest texts. Kept in memory (the
 * daemon and createDependencies reuse it) and on disk under Nx's workspace data directory,
 * keyed by a hash of every manifest, so a CLI run with unchanged manifests parses nothing.
 */
import { createHash } from 'node:crypto';
import type { Workspace } from '../core/model';
import { buildWorkspace } from '../core/workspace';
import { readCached, writeCached, type DiskCache } from './workspace-data';
import { findManifests, readText } from './workspace-fs';

// Bumped whenever buildWorkspace computes a different model from the same manifests.
const CACHE_VERSION = 3;
const memory = new Map<string, Workspace>();
const lastByRoot = new Map<string, Workspace>();

export function workspaceModel(workspaceRoot: string, manifests?: readonly string[], disk: DiskCache = 'read-write'): Workspace {
  const files = manifests ? [...manifests].sort() : findManifests(workspaceRoot);
  const texts = new Map<string, string | null>();
  const hash = createHash('sha256').update(String(CACHE_VERSION));
  for (const file of files) {
    const text = readText(workspaceRoot, file);
    texts.set(file, text);
    hash
      .update(file)
      .update('\0')
      .update(text ?? '\u0001')
      .update('\0');
  }
  const key = hash.digest('hex');
  let model = memory.get(key) ?? (disk !== 'off' ? readCached<Workspace>(workspaceRoot, 'graph', key) : undefined);
  if (!model) {
    model = buildWorkspace({
      manifests: files,
      read: (rel) => (texts.has(rel) ? texts.get(rel)! : readText(workspaceRoot, rel)),
    });
    if (disk === 'read-write') writeCached(workspaceRoot, 'graph', key, model);
  }
  memory.set(key, model);
  lastByRoot.set(workspaceRoot, model);
  return model;
}

/** The model computed last for this root in this process (createDependencies runs after createNodes). */
export function lastWorkspaceModel(workspaceRoot: string): Workspace {
  return lastByRoot.get(workspaceRoot) ?? workspaceModel(workspaceRoot);
}
