/**
 * The workspace model, computed once per distinct tree. Three ways to it, cheapest first:
 * - nothing changed: every manifest the model read and every directory listed to find them
 *   stats as when it was computed (effects/tree-stamp.ts): no file is read;
 * - the same texts: the manifests are read and hashed, the model parsed from the same texts is
 *   reused;
 * - otherwise buildWorkspace parses them.
 * Kept in memory (the daemon and createDependencies reuse it) and on disk under Nx's workspace
 * data directory, one entry per way of listing the manifests, so a CLI run reads one file.
 */
import { createHash } from 'node:crypto';
import type { Workspace } from '../core/model';
import { buildWorkspace } from '../core/workspace';
import { StampRecorder, unchanged, type TreeStamp } from './tree-stamp';
import { readCached, writeCached } from './workspace-data';
import { findManifests, readText } from './workspace-fs';

// Bumped whenever buildWorkspace computes a different model from the same manifests, or the
// cached entry changes shape (4: the stamp and the paths read beside the model).
const CACHE_VERSION = 4;

interface Entry {
  /** Hash of every text the model was computed from (paths and texts). */
  key: string;
  model: Workspace;
  stamp: TreeStamp;
  /** Manifests read beyond the listed ones (a path dependency's), present or not. */
  extra: string[];
  /** Manifests found only through a symbolic link (when Nx listed the others). */
  linked: string[];
}

export interface ModelOptions {
  /** Keep and look up the model on disk too (false: this process only). */
  useDisk?: boolean;
  /** The clock the stamp's racy check reads (tests move it on). */
  now?: () => number;
}

/** The last entry per root and way of listing, with the list it was computed for (one each: the daemon runs for days). */
const memory = new Map<string, { list: string; entry: Entry }>();
/** Models by the texts they came from, for a tree that goes back to an earlier state (a branch switch in the daemon). */
const byTexts = new Map<string, Workspace>();
const BY_TEXTS_KEPT = 8;
const lastByRoot = new Map<string, Workspace>();

/** The model of the tree at `workspaceRoot`, its manifests found by walking it. */
export function workspaceModel(workspaceRoot: string, options: ModelOptions = {}): Workspace {
  return modelEntry(workspaceRoot, undefined, options).model;
}

/**
 * The model for Nx's graph: `listed` are the manifests Nx found (it does not follow symbolic
 * links); the ones found only through a link are added, and returned as `linked`.
 */
export function graphModel(workspaceRoot: string, listed: readonly string[], options: ModelOptions = {}): { model: Workspace; linked: string[] } {
  const entry = modelEntry(workspaceRoot, listed, options);
  return { model: entry.model, linked: entry.linked };
}

/** The model computed last for this root in this process (createDependencies runs after createNodes). */
export function lastWorkspaceModel(workspaceRoot: string): Workspace {
  return lastByRoot.get(workspaceRoot) ?? workspaceModel(workspaceRoot);
}

function modelEntry(root: string, listed: readonly string[] | undefined, { useDisk = true, now = Date.now }: ModelOptions): Entry {
  const list = listed ? sorted(listed).join('\0') : '';
  const memoryKey = `${root}\0${listed ? 'listed' : 'walk'}`;
  const cacheName = listed ? 'graph' : 'graph-walk';
  const listKey = () => createHash('sha256').update(String(CACHE_VERSION)).update(list).digest('hex');
  const inMemory = memory.get(memoryKey);
  const previous = (inMemory?.list === list ? inMemory.entry : undefined) ?? (useDisk ? readCached<Entry>(root, cacheName, listKey()) : undefined);
  let entry = previous && unchanged(root, previous.stamp) ? previous : undefined;
  if (!entry) {
    entry = computeEntry(root, listed, previous, now);
    if (useDisk) writeCached(root, cacheName, listKey(), entry);
  }
  memory.set(memoryKey, { list, entry });
  lastByRoot.set(root, entry.model);
  return entry;
}

function computeEntry(root: string, listed: readonly string[] | undefined, previous: Entry | undefined, now: () => number): Entry {
  const recorder = new StampRecorder(root, now());
  const found = findManifests(root, listed !== undefined, (dir) => recorder.add(dir));
  const linked = listed ? found.filter((f) => !listed.includes(f)) : [];
  const files = listed ? [...listed, ...linked].sort() : found;
  const texts = new Map<string, string | null>();
  // Every read is stamped first: a change after the stat shows as a changed stat next time.
  const read = (rel: string): string | null => {
    if (!texts.has(rel)) {
      recorder.add(rel);
      texts.set(rel, readText(root, rel));
    }
    return texts.get(rel)!;
  };
  for (const file of files) read(file);
  for (const file of previous?.extra ?? []) read(file);
  // The same texts (the previous extra reads included) give the same model: reuse it.
  let key = textsKey(texts);
  let model = previous?.key === key ? previous.model : byTexts.get(key);
  if (!model) {
    model = buildWorkspace({ manifests: files, read });
    key = textsKey(texts);
  }
  const listedSet = new Set(files);
  const extra = [...texts.keys()].filter((f) => !listedSet.has(f));
  byTexts.delete(key);
  byTexts.set(key, model);
  if (byTexts.size > BY_TEXTS_KEPT) byTexts.delete(byTexts.keys().next().value!);
  return { key, model, stamp: recorder.stamp(), extra, linked };
}

function textsKey(texts: ReadonlyMap<string, string | null>): string {
  const hash = createHash('sha256').update(String(CACHE_VERSION));
  for (const file of [...texts.keys()].sort()) {
    const text = texts.get(file);
    hash
      .update(file)
      .update('\0')
      .update(text ?? '\u0001')
      .update('\0');
  }
  return hash.digest('hex');
}

/** The list sorted (Nx hands it sorted: no copy then). */
function sorted(list: readonly string[]): readonly string[] {
  for (let i = 1; i < list.length; i++) if (list[i - 1] > list[i]) return [...list].sort();
  return list;
}
