/**
 * `nx release-status`: what the gatherers read (source by source, read-only) and the status
 * model built from it. The model is the `--json` output: its shape is versioned (`version`),
 * documented in the README, and every renderer (table, Markdown, HTML) reads only it.
 */

/** A source that could not be read: said once, the rest still shows. */
export interface Skipped {
  source: 'git' | 'tags' | 'github' | 'registry' | 'bindings';
  reason: string;
}

export interface CrateProgress {
  name: string;
  version: string;
  /** Publish wave (0 first): crates of one wave go together. */
  wave: number;
  published: boolean;
}

export interface PublishProgress {
  /** The tag's crates that the index shows, out of all publishable crates. */
  published: number;
  total: number;
  crates: CrateProgress[];
  /** Superseded candidates (`crate@version`) still not yanked. */
  unyanked: string[];
}

export interface PlatformState {
  platform: string;
  attached: boolean;
}

export interface GitHubReleaseState {
  url: string | null;
  exists: boolean;
  draft: boolean;
  prerelease: boolean;
  platforms: PlatformState[];
}

/** One release branch as gathered. */
export interface GatheredLine {
  branch: string;
  /** Compatibility line (`49`, `0.19`). */
  line: string;
  /** The version on the branch tip. */
  version: string;
  /** Cut date (YYYY-MM-DD): where the branch leaves main. */
  cutDate: string | null;
  /** Date of the line's first release tag (`vX.0.0`), if any. */
  releaseDate: string | null;
  tip: string;
  tipDate: string;
  /** The tip carries the release marker (or merges a commit that does). */
  tipMarked: boolean;
  /** A tag pointing at the tip, if any (`… (on GitHub; git fetch --tags)` when only GitHub has it). */
  tipTag: string | null;
  newestTag: { name: string; version: string; date: string } | null;
  publish: PublishProgress | null;
  release: GitHubReleaseState | null;
}

export type PullKind = 'bump' | 'candidate' | 'release' | 'patch';

export interface GatheredPull {
  number: number;
  title: string;
  url: string;
  head: string;
  base: string;
  /** ISO time. */
  createdAt: string;
  kind: PullKind;
}

export interface GatheredBinding {
  name: string;
  repository: string | null;
  /** The version the train released last, that the binding should follow. */
  wanted: string | null;
  /** True when the binding repository has its tag of `wanted`. */
  onWanted: boolean | null;
  pull: { number: number; url: string } | null;
}

export interface Gathered {
  today: string;
  repository: string | null;
  main: { branch: string; version: string | null };
  lines: GatheredLine[];
  pulls: GatheredPull[] | null;
  bindings: GatheredBinding[] | null;
  skipped: Skipped[];
}

export type SupportStatus = 'current' | 'previous' | 'supported' | 'lts' | 'eol';

export interface Support {
  status: SupportStatus;
  /** Long-term line: supported until this date. */
  ltsUntil: string | null;
  /** Unsupported: since this date (null when not known). */
  eolSince: string | null;
}

export interface StatusLine extends GatheredLine {
  /** `-dev`, `rc.N`, `released`, or the raw pre-release when unknown. */
  stage: string;
  support: Support;
}

export interface StatusPull extends GatheredPull {
  ageDays: number;
}

export interface Warning {
  kind: 'eol-patched' | 'untagged-release' | 'stale-pull' | 'unyanked';
  message: string;
  fix: string;
}

/** `--json`'s shape, version 1. */
export interface Status {
  version: 1;
  today: string;
  repository: string | null;
  main: { branch: string; version: string | null; stage: string | null };
  schedule: { cutDay: number; releaseDay: number; nextCut: string; nextRelease: string };
  lines: StatusLine[];
  pulls: StatusPull[] | null;
  bindings: GatheredBinding[] | null;
  warnings: Warning[];
  /** The next moves of the train, in order (see core/status/next.ts). */
  next: string[];
  skipped: Skipped[];
}
