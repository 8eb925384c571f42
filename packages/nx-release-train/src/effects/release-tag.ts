/**
 * What git says about the commit being released: the tags on HEAD (the release version comes
 * from them) and its commit time (archive members are stamped with it, so rebuilding the same
 * tag gives byte-identical archives). Outside a git repository: no tags, no time.
 */
import { Git } from './git';

export async function tagsAtHead(root: string): Promise<string[]> {
  const r = await new Git(root).run(['tag', '--points-at', 'HEAD'], { reject: false });
  return r.exitCode === 0
    ? r.stdout
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
}

/** HEAD's commit time in seconds since the epoch. */
export async function headCommitTime(root: string): Promise<number | null> {
  const r = await new Git(root).run(['log', '-1', '--format=%ct', 'HEAD'], { reject: false });
  const out = r.stdout.trim();
  return r.exitCode === 0 && /^\d+$/.test(out) ? Number(out) : null;
}
