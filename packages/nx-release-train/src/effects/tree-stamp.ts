/**
 * What a result read off the tree depended on, by stat: the device, inode, size, modification
 * and change times of every file it read and every directory it listed, each taken before the
 * read. The same stats later mean the same texts and the same listings (a directory's times
 * move when an entry is added, removed or renamed in it; a file's on any write, a rename puts
 * another inode in its place), so the result stands without reading or parsing anything.
 */
import { statSync, type Stats } from 'node:fs';

export interface TreeStamp {
  /** Relative paths ('.' for the root). */
  paths: string[];
  /** Each path's device, inode, size, modification and change times; null when it did not exist. */
  stats: Array<number[] | null>;
  /** False when a time was too close to when the stats were taken to tell a later change from it. */
  trusted: boolean;
}

/**
 * File-system clocks are coarse (a kernel tick; whole seconds on some file systems): a change
 * right after the one stamped can carry the same times. A stamp holding a time this close to
 * when it was taken (git's "racily clean" entries) is not trusted; the next look reads again.
 */
export const RACY_MS = 2000;

// Numbers compared as numbers (a JSON round trip keeps them exact): no string per stat.
const figures = (st: Stats): number[] => [st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs];

function statAt(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR and the like: the path is not there either
  }
}

/** Collects the stats of the paths a computation reads; `taken` is the clock before the first. */
export class StampRecorder {
  private readonly seen = new Set<string>();
  private readonly paths: string[] = [];
  private readonly stats: Array<number[] | null> = [];
  private latest = -Infinity;

  constructor(
    private readonly root: string,
    private readonly taken: number,
  ) {}

  /** Stats `rel` (once), before the caller reads it. */
  add(rel: string): void {
    if (this.seen.has(rel)) return;
    this.seen.add(rel);
    const st = statAt(`${this.root}/${rel}`);
    this.paths.push(rel);
    this.stats.push(st ? figures(st) : null);
    if (st) this.latest = Math.max(this.latest, st.mtimeMs, st.ctimeMs);
  }

  stamp(): TreeStamp {
    return { paths: [...this.paths], stats: [...this.stats], trusted: this.latest < this.taken - RACY_MS };
  }
}

const resolved = new WeakMap<TreeStamp, { base: string; paths: string[] }>();

/**
 * Where the stamped paths are, as stat will look them up: relative to the working directory
 * when the root is in it (Nx runs in the workspace root), because the kernel resolves every
 * component of a path and an absolute one is the longer walk, on each of hundreds of stats.
 */
function pathsOf(root: string, stamp: TreeStamp): string[] {
  const cwd = process.cwd();
  const base = root === cwd ? '' : root.startsWith(`${cwd}/`) ? `${root.slice(cwd.length + 1)}/` : `${root}/`;
  let known = resolved.get(stamp);
  if (known?.base !== base) resolved.set(stamp, (known = { base, paths: stamp.paths.map((rel) => (base === '' ? rel : `${base}${rel}`)) }));
  return known.paths;
}

/** True when every stamped path stats as it did (and the stamp can be trusted). */
export function unchanged(root: string, stamp: TreeStamp): boolean {
  if (!stamp.trusted) return false;
  const paths = pathsOf(root, stamp);
  for (let i = 0; i < paths.length; i++) {
    const st = statAt(paths[i]);
    const was = stamp.stats[i];
    if (!st || !was) {
      if (st || was) return false;
      continue;
    }
    if (st.dev !== was[0] || st.ino !== was[1] || st.size !== was[2] || st.mtimeMs !== was[3] || st.ctimeMs !== was[4]) return false;
  }
  return true;
}
