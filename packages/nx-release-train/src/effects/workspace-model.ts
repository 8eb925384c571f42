/**
 * The workspace model, computed once per distinct set of manifest texts. Kept in memory (the
 * daemon and createDependencies reuse it) and on disk under Nx's workspace data directory,
 * keyed by a hash of every manifest, so a CLI run with unchanged manifests parses nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../core/model';
import { PLUGIN_NAME } from '../core/plugin-name';
import { buildWorkspace } from '../core/workspace';
import { findManifests, readText } from './workspace-fs';

// Bumped whenever buildWorkspace computes a different model from the same manifests.
const CACHE_VERSION = 2;
const memory = new Map<string, Workspace>();
const lastByRoot = new Map<string, Workspace>();

export function dataDir(workspaceRoot: string): string {
  return process.env.NX_WORKSPACE_DATA_DIRECTORY ?? join(workspaceRoot, '.nx', 'workspace-data');
}

export function workspaceModel(workspaceRoot: string, manifests?: readonly string[], useDisk = true): Workspace {
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
  let model = memory.get(key) ?? (useDisk ? readDisk(workspaceRoot, key) : undefined);
  if (!model) {
    model = buildWorkspace({
      manifests: files,
      read: (rel) => (texts.has(rel) ? texts.get(rel)! : readText(workspaceRoot, rel)),
    });
    if (useDisk) writeDisk(workspaceRoot, key, model);
  }
  memory.set(key, model);
  lastByRoot.set(workspaceRoot, model);
  return model;
}

/** The model computed last for this root in this process (createDependencies runs after createNodes). */
export function lastWorkspaceModel(workspaceRoot: string): Workspace {
  return lastByRoot.get(workspaceRoot) ?? workspaceModel(workspaceRoot);
}

function cacheFile(workspaceRoot: string): string {
  return join(dataDir(workspaceRoot), `${PLUGIN_NAME}.graph.json`);
}

function readDisk(workspaceRoot: string, key: string): Workspace | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile(workspaceRoot), 'utf8')) as { key: string; model: Workspace };
    return cached.key === key ? cached.model : undefined;
  } catch {
    return undefined;
  }
}

function writeDisk(workspaceRoot: string, key: string, model: Workspace): void {
  try {
    const file = cacheFile(workspaceRoot);
    mkdirSync(dataDir(workspaceRoot), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, model }));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs speed; the graph itself is already computed.
  }
}
