/**
 * The candidate/final part of `nx publish-plan` (SPEC §1b): whether the release about to be
 * published is a release candidate or the final release, and which earlier candidates in the
 * index it supersedes. Each crate is matched against candidates of its own version
 * (a 0.136.0 crate supersedes 0.136.0-rc.N, never 49.0.0-rc.N). Pure: index answers come in.
 */
import { describeStage, releaseVersionOf, stageOf, type PrereleaseSettings } from '../version/prerelease';

export interface CrateToRelease {
  name: string;
  version: string;
}

/** Versions the index holds per crate (yanked ones too, flagged). */
export type IndexVersions = Record<string, Array<{ vers: string; yanked: boolean }>>;

/** Crates whose index was not read (offline, or it failed), and why: what they supersede is unknown, never "nothing". */
export interface Unread {
  count: number;
  why: string;
}

export function candidateLines(crates: CrateToRelease[], index: IndexVersions, settings: PrereleaseSettings, unread: Unread | null = null): string[] {
  if (crates.length === 0) return [];
  const stages = new Map(crates.map((c) => [c.name, stageOf(c.version, settings)]));
  const kinds = new Set([...stages.values()].map((s) => (s.kind === 'candidate' ? `rc.${s.n}` : s.kind === 'pre' ? `${s.id}.${s.n}` : s.kind)));
  const versions = [...new Set(crates.map((c) => c.version))].join(', ');
  const first = stages.get(crates[0].name)!;
  if (kinds.size > 1) return [`Release: crates at different points of the train (${versions}); publish one release at a time`];
  if (first.kind === 'dev' || first.kind === 'unknown')
    return [`Release: ${versions} is ${describeStage(first)}: not a release to publish (release candidates and releases are made on release branches)`];
  const head =
    first.kind === 'candidate'
      ? `Release: candidate ${first.n} (${versions}), a pre-release`
      : first.kind === 'pre'
        ? `Release: ${first.id}.${first.n} (${versions}), a pre-release`
        : `Release: final (${versions})`;

  // Earlier candidates of each crate's own version that this release supersedes, grouped by version.
  const superseded = new Map<string, { crates: number; yanked: number }>();
  for (const c of crates) {
    const own = stages.get(c.name)!;
    const base = releaseVersionOf(c.version);
    for (const v of index[c.name] ?? []) {
      const s = stageOf(v.vers, settings);
      if (s.kind !== 'candidate' || releaseVersionOf(v.vers) !== base) continue;
      if (own.kind === 'candidate' && s.n >= own.n) continue;
      const entry = superseded.get(v.vers) ?? { crates: 0, yanked: 0 };
      entry.crates += 1;
      if (v.yanked) entry.yanked += 1;
      superseded.set(v.vers, entry);
    }
  }
  const unknown = unread?.count ? ` (unknown for ${unread.count} of ${crates.length} crates: ${unread.why})` : '';
  if (superseded.size === 0 && unknown) return [head, `  which earlier candidates it supersedes is unknown${unknown}`];
  if (superseded.size === 0) return [head, '  supersedes no earlier candidate in the index'];
  const list = [...superseded]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([v, e]) => `${v} (${e.crates} crate${e.crates === 1 ? '' : 's'}${e.yanked ? `, ${e.yanked} already yanked` : ''})`);
  return [head, `  supersedes the earlier candidates ${list.join(', ')}${unknown ? `, and perhaps more${unknown}` : ''}`];
}
