/**
 * The workspace model, computed once per distinct tree. Three ways to it, cheapest first:
 * - nothing changed: every manifest the model read and every directory listed to find them
 *   stats as when it was computed (effects/tree-stamp.ts): no file is read. With Nx's list of
 *   manifests (a new or removed one changes the list, hence the entry), the only directories
 *   listed are where the `members` patterns may reach a crate through a symbolic link
 *   (effects/linked-members.ts): with explicit members, none;
 * - the same texts: the manifests are read and hashed, the model parsed from the same texts is
 *   reused;
 * - otherwise buildWorkspace parses them.
 * Kept in memory (the daemon and createDependencies reuse it) and on disk under Nx's workspace
 * data directory, one entry per way of listing the manifests, so a CLI run reads one file.
 */
import { createHash } from 'node:crypto';
import type { Workspace } from '../core/model';
import { buildWorkspace } from '../core/workspace';
import { linkedMemberManifests, throughLink } from './linked-members';
import { StampRecorder, unchanged, type TreeStamp } from './tree-stamp';
import { readCached, writeCached, type DiskCache } from './workspace-data';
import { findManifests, readText } from './workspace-fs';

// Bumped whenever buildWorkspace computes a different model from the same manifests, or the
// cached entry changes shape (4: the stamp and the paths read beside the model; 5: links
// looked for where the members patterns point, not by walking the tree).
const CACHE_VERSION = 5;

interface Entry {
  /** Hash of every text the model was computed from (paths and texts). */
  key: string;
  model: Workspace;
  stamp: TreeStamp;
  /** Manifests read beyond the listed ones (a path dependency's), present or not. */
  extra: string[];
  /** Members found only through a symbolic link (when Nx listed the others). */
  linked: string[];
  /** The root directory and `members` patterns the links were looked for with (Nx's list only). */
  reach: { rootDir: string; patterns: string[] } | null;
}

export interface ModelOptions {
  /** Look the model up on disk too, and keep it there ('read-only': a command reads the graph's, writes none; 'off': this process only). */
  disk?: DiskCache;
  /** The clock the stamp's racy check reads (tests move it on). */
  now?: () => number;
}

/** The last entry per root and way of listing, with the list it was computed for (one each: the daemon runs for days). */
const memory = new Map<string, { list: string; entry: Entry }>();
/** Models by the texts they came from, for a tree that goes back to an earlier state (a branch switch in the daemon). */
const byTexts = new Map<string, { model: Workspace; reach: Entry['reach'] }>();
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

function modelEntry(root: string, listed: readonly string[] | undefined, { disk = 'read-write', now = Date.now }: ModelOptions): Entry {
  const list = listed ? sorted(listed).join('\0') : '';
  const memoryKey = `${root}\0${listed ? 'listed' : 'walk'}`;
  const cacheName = listed ? 'graph' : 'graph-walk';
  const listKey = () => createHash('sha256').update(String(CACHE_VERSION)).update(list).digest('hex');
  const inMemory = memory.get(memoryKey);
  const previous = (inMemory?.list === list ? inMemory.entry : undefined) ?? (disk !== 'off' ? readCached<Entry>(root, cacheName, listKey()) : undefined);
  let entry = previous && unchanged(root, previous.stamp) ? previous : undefined;
  if (!entry) {
    entry = computeEntry(root, listed, previous, now);
    if (disk === 'read-write') writeCached(root, cacheName, listKey(), entry);
  }
  memory.set(memoryKey, { list, entry });
  lastByRoot.set(root, entry.model);
  return entry;
}

function computeEntry(root: string, listed: readonly string[] | undefined, previous: Entry | undefined, now: () => number): Entry {
  const recorder = new StampRecorder(root, now());
  const look = (rel: string) => recorder.add(rel);
  // Nx's list, or a walk that stamps every directory it lists (a new manifest shows in one).
  const files = listed ? [...sorted(listed)] : findManifests(root, look);
  const listedSet = new Set(files);
  const texts = new Map<string, string | null>();
  // Every read is stamped first: a change after the stat shows as a changed stat next time.
  const read = (rel: string): string | null => {
    if (!texts.has(rel)) {
      recorder.add(rel);
      texts.set(rel, readText(root, rel));
    }
    return texts.get(rel)!;
  };
  // Nx's list does not follow links (the walk does): members behind one are looked for where
  // the patterns point, and read, so their texts are part of the key below.
  let reach: Entry['reach'] = null;
  let found: string[] = [];
  const linkedMembers = (rootDir: string, patterns: string[]): string[] => {
    if (!sameReach({ rootDir, patterns }, reach)) {
      reach = { rootDir, patterns };
      found = linkedMemberManifests(root, rootDir, patterns, listedSet, look);
      for (const file of found) read(file);
    }
    return found;
  };
  for (const file of files) read(file);
  for (const file of previous?.extra ?? []) read(file);
  // The same texts (the previous extra reads included) give the same model: reuse it. With
  // Nx's list, only once the patterns it was built with have looked again (a link made since
  // changes what they find, so the key; and their looks are in this stamp).
  if (listed && previous?.reach) linkedMembers(previous.reach.rootDir, previous.reach.patterns);
  const mode = listed ? 'listed' : 'walk';
  const known = (key: string) => (previous?.key === key ? { model: previous.model, reach: previous.reach } : byTexts.get(key));
  let key = textsKey(texts, found, mode);
  let hit = known(key);
  for (let again = 0; listed && hit?.reach && !sameReach(hit.reach, reach) && again < 2; again++) {
    linkedMembers(hit.reach.rootDir, hit.reach.patterns);
    key = textsKey(texts, found, mode);
    hit = known(key);
  }
  let model = hit && (!hit.reach || sameReach(hit.reach, reach)) ? hit.model : undefined;
  if (!model) {
    model = buildWorkspace({ manifests: files, read, linkedMembers: listed ? linkedMembers : undefined });
    key = textsKey(texts, found, mode);
  }
  const extra = [...texts.keys()].filter((f) => !listedSet.has(f));
  byTexts.delete(key);
  byTexts.set(key, { model, reach });
  if (byTexts.size > BY_TEXTS_KEPT) byTexts.delete(byTexts.keys().next().value!);
  // A member Nx did not list: found through a link above, or a path dependency through one.
  const linked = listed
    ? model.members.filter((c) => !listedSet.has(c.manifest) && (found.includes(c.manifest) || throughLink(root, c.dir))).map((c) => c.manifest)
    : [];
  return { key, model, stamp: recorder.stamp(), extra, linked, reach };
}

function sameReach(a: NonNullable<Entry['reach']>, b: Entry['reach']): boolean {
  return b !== null && a.rootDir === b.rootDir && a.patterns.join('\0') === b.patterns.join('\0');
}

function textsKey(texts: ReadonlyMap<string, string | null>, linked: readonly string[], mode: string): string {
  // The way of listing, and which texts came through a link, decide membership as well.
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${mode}\0${linked.join('\0')}\0`);
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
