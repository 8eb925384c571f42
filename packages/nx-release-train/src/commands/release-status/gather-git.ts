/**
 * The release lines as git knows them (read-only): each release branch, local or remote, its
 * tip's version, cut date and marker, and the newest tag of its line.
 */
import semver from 'semver';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import { versionInName } from '../../core/settings/pattern';
import { carriesMarker } from '../../core/release';
import { lineHolds } from '../../core/release-line';
import type { GatheredLine } from '../../core/status/types';
import type { Git } from '../../effects/git';
import { knownReleaseBranches, newestTip, tipOf, type KnownBranch } from '../steps/branches';
import { currentVersion, snapshot, type Snapshot } from '../steps/snapshot';
import type { Train } from '../steps/train';

/** Snapshots by commit, read once: a line's tip is often its newest tag's commit. */
export type Snapshots = (commit: string) => Promise<Snapshot>;

export function snapshots(git: Git, options: ReleaseTrainOptions): Snapshots {
  const seen = new Map<string, Promise<Snapshot>>();
  return (commit) => {
    if (!seen.has(commit)) seen.set(commit, snapshot(git, commit, options));
    return seen.get(commit)!;
  };
}

export interface GitTag {
  name: string;
  version: string;
  commit: string;
  date: string;
}

/** Release tags (per the tag pattern) with the commit each points at. */
export async function releaseTags(git: Git, options: ReleaseTrainOptions): Promise<GitTag[]> {
  const out = await git.out(['for-each-ref', 'refs/tags', '--format=%(refname:short)%09%(objectname)%09%(*objectname)%09%(creatordate:short)']);
  const tags: GitTag[] = [];
  for (const row of out.split('\n').filter(Boolean)) {
    const [name, object, peeled, date] = row.split('\t');
    const version = versionInName(options.tagPattern, name);
    if (version && semver.valid(version)) tags.push({ name, version, commit: peeled || object, date });
  }
  return tags;
}

/** The version at a commit, or null (with why) when its workspace cannot be read. */
export async function versionAt(snap: Snapshots, commit: string): Promise<{ version: string | null; problem: string | null }> {
  try {
    return { version: currentVersion(await snap(commit)), problem: null };
  } catch (e) {
    return { version: null, problem: (e as Error).message };
  }
}

async function marked(git: Git, tip: string, marker: string): Promise<boolean> {
  if (carriesMarker(await git.commitMessage(tip), marker)) return true;
  const merged = await git.resolve(`${tip}^2`);
  return !!merged && carriesMarker(await git.commitMessage(merged), marker);
}

async function tipOfBranch(git: Git, b: KnownBranch, remote: string): Promise<string> {
  try {
    return await newestTip(git, b, remote);
  } catch {
    // Diverged: the remote is what CI and everyone else sees.
    return b.remote ?? tipOf(b);
  }
}

export async function mainTip(git: Git, options: ReleaseTrainOptions): Promise<string | null> {
  return (await git.resolve(`refs/remotes/${options.remote}/${options.mainBranch}`)) ?? (await git.resolve(`refs/heads/${options.mainBranch}`));
}

export async function gatherLines(train: Train, snap: Snapshots, tags: GitTag[], problems: string[]): Promise<GatheredLine[]> {
  const { options, git } = train;
  const main = await mainTip(git, options);
  const lines: GatheredLine[] = [];
  for (const b of await knownReleaseBranches(train)) {
    const tip = await tipOfBranch(git, b, options.remote);
    const { version, problem } = await versionAt(snap, tip);
    if (problem) problems.push(`${b.name}: ${problem}`);
    const base = main ? (await git.run(['merge-base', tip, main], { reject: false })).stdout.trim() : '';
    const ofLine = tags.filter((t) => lineHolds(b.line, t.version)).sort((x, y) => semver.rcompare(x.version, y.version));
    const newest = ofLine[0];
    lines.push({
      branch: b.name,
      line: b.line,
      version: version ?? b.version,
      cutDate: base ? await git.out(['log', '-1', '--format=%cs', base]) : null,
      releaseDate: ofLine.find((t) => t.version === b.version)?.date ?? null,
      tip,
      tipDate: await git.out(['log', '-1', '--format=%cs', tip]),
      tipMarked: await marked(git, tip, options.marker),
      tipTag: tags.find((t) => t.commit === tip)?.name ?? null,
      newestTag: newest ? { name: newest.name, version: newest.version, date: newest.date } : null,
      publish: null,
      release: null,
    });
  }
  return lines;
}
