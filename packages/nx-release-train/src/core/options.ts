/**
 * Plugin options, as written in nx.json (`plugins: [{ plugin: 'nx-release-train', options }]`).
 * Every executor reads the same options (merged under its own), so the `wasmtime` preset is
 * pure configuration: nothing in code knows a crate name.
 */
import { DEFAULT_BINDINGS, type BindingsOptions } from './bindings/rules';

/** A file that carries the version in text, e.g. a C header's macros. */
export interface VersionFileRule {
  /** Path relative to the workspace root. */
  file: string;
  /**
   * Line patterns with placeholders {version} {major} {minor} {patch}; each must match
   * exactly one place in the file before the bump.
   */
  patterns: string[];
}

/**
 * One thing placed in a release archive: a workspace file or directory (a directory's contents
 * go under `to`), or a build output of a workspace crate (built by `nx release-artifacts`).
 */
export type ArtifactEntry =
  | { path: string; to?: string }
  | { crate: string; output: 'bin' | 'staticlib' | 'cdylib'; name?: string; to?: string };

export interface ArtifactArchive {
  /**
   * Archive base name (also its top directory), without extension. Placeholders: {tag}
   * {version} {major} {minor} {patch} {platform} (`<arch>-<os>`, e.g. `x86_64-linux`).
   */
  name: string;
  entries: ArtifactEntry[];
}

/** What `nx release-artifacts` builds, packages and attaches to the GitHub release. */
export interface ArtifactsOptions {
  archives: ArtifactArchive[];
  /** Cargo features per crate for the release build. */
  features: Record<string, string[]>;
  /** Environment for the release build (e.g. CARGO_PROFILE_RELEASE_STRIP); never secrets. */
  buildEnv: Record<string, string>;
  /** `<arch>-<os>` names by Rust target triple, over the built-in mapping. */
  platforms: Record<string, string>;
  /** Extra Rust targets built besides the host (`--targets` adds more). */
  targets: string[];
  /** Where archives and `.sha256` files are written, relative to the root. */
  outputDir: string;
  /** xz preset: 9 (smallest, as Wasmtime's releases) down to 0 (fastest, e.g. for rehearsals). */
  compression: number;
  /** GitHub repository `owner/name`; null: $GITHUB_REPOSITORY. */
  repository: string | null;
  /** GitHub release title; placeholders as in `name`, without {platform}. */
  releaseName: string;
}

/** How crates are grouped into version lines beyond the defaults (see core/version/grouping.ts). */
export interface VersionLinesOptions {
  /** Crates (names or `*` globs) with a literal version that move with the workspace line. */
  followWorkspace: string[];
  /** Crates that never move, whatever their line (e.g. a crate on its own 0.110 line). */
  fixed: string[];
  /** Private (`publish = false`) crates with a literal version that move with their line too. */
  movePrivate: string[];
  /** Extra lines: name -> crates (names or globs) that move together as one line. */
  groups: Record<string, string[]>;
}

export interface ReleaseTrainOptions {
  /** Version files beyond Cargo manifests (the preset: the four wasmtime.h macros). */
  versionFiles: VersionFileRule[];
  /** Release notes file, relative to the root (absent file: the step is skipped). */
  releasesFile: string;
  /** Template of a new top section; `VERSION` stands for the new version. */
  releasesTemplate: string;
  /** Archive line added on a cut, newest first under `<!-- ARCHIVE_START -->`. */
  archiveLine: string;
  /** Release branch name: `release-{version}` (version of the line's .0 release). */
  branchPattern: string;
  /** Branch a bump is pushed to for review. */
  bumpBranchPattern: string;
  tagPattern: string;
  bumpTitle: string;
  releaseTitle: string;
  /** Line in a release commit's message that asks CI to tag it. */
  marker: string;
  /** Crates meant for public use: required with caret; other first-party crates with `=`. */
  publicCrates: string[];
  /** How many of the newest release lines get patches. */
  supportedLines: number;
  /** Long-term lines: every Nth major is kept for `ltsMonths` months (0 = none). */
  ltsEvery: number;
  ltsMonths: number;
  /** Cargo registry name from cargo's configuration; null means crates.io. */
  registry: string | null;
  /** The branch monthly majors are cut from. */
  mainBranch: string;
  /** The git remote `--push` pushes to and release branches are looked up on. */
  remote: string;
  /**
   * A command (argument array) run after versioning, in a temporary worktree of the new
   * state, whose changes join the release commit (e.g. `cargo vet` for supply-chain/).
   */
  postVersionCommand: string[];
  artifacts: ArtifactsOptions;
  /** Binding repositories that follow a release (`nx release-bindings`); see bindings/rules.ts. */
  bindings: BindingsOptions;
  // --- Version lines, requirement policy, release notes (issue 11) ---
  /**
   * Requirement policy on first-party requirements: 'none' (default: any requirement the
   * current version satisfies is rewritten, nothing else said) or 'public-caret' (crates in
   * `publicCrates` required with caret, every other first-party crate with `=`; breaches are
   * warnings). The wasmtime preset sets 'public-caret'.
   */
  requirementPolicy: string;
  /**
   * Release notes (`releasesFile`): 'auto' (default: edited only when the file has the
   * expected shape, sections separated by a line of 80 '-' and an archive mark; otherwise left
   * alone, said once), 'edit' (always edited; a file that does not fit is an error; the
   * wasmtime preset), or 'off' (never touched).
   */
  releaseNotes: string;
  /** Groupings and exceptions of version lines; every list defaults to empty. */
  versionLines: VersionLinesOptions;
}

export const DEFAULT_OPTIONS: ReleaseTrainOptions = {
  versionFiles: [],
  releasesFile: 'RELEASES.md',
  releasesTemplate: 'ci/RELEASES-template.md',
  archiveLine: '* [{major}.{minor}.x](RELEASES.md)',
  branchPattern: 'release-{version}',
  bumpBranchPattern: 'ci/bump-to-{version}',
  tagPattern: 'v{version}',
  bumpTitle: 'Bump version to {version}',
  releaseTitle: 'Release {version}',
  marker: '[automatically-tag-and-release-this-commit]',
  publicCrates: [],
  supportedLines: 2,
  ltsEvery: 0,
  ltsMonths: 0,
  registry: null,
  mainBranch: 'main',
  remote: 'origin',
  postVersionCommand: [],
  artifacts: {
    archives: [],
    features: {},
    buildEnv: {},
    platforms: {},
    targets: [],
    outputDir: 'dist',
    compression: 9,
    repository: null,
    releaseName: '{tag}',
  },
  bindings: DEFAULT_BINDINGS,
  requirementPolicy: 'none',
  releaseNotes: 'auto',
  versionLines: { followWorkspace: [], fixed: [], movePrivate: [], groups: {} },
};

/** Fill placeholders {version} {major} {minor} {patch} from a semver string. */
export function fillPattern(pattern: string, version: string): string {
  const [major = '', minor = '', patch = ''] = version.split('-')[0].split('.');
  return pattern
    .replaceAll('{version}', version)
    .replaceAll('{major}', major)
    .replaceAll('{minor}', minor)
    .replaceAll('{patch}', patch);
}

export interface OptionProblem {
  setting: string;
  message: string;
  fix: string;
}

/**
 * Merges raw options (from nx.json, or an executor's own) over the defaults, checking each
 * setting's type against its default. Unknown settings are problems, not silently ignored,
 * because a misspelt setting otherwise changes nothing and nobody notices.
 */
export function resolveOptions(
  raw: unknown,
  where = 'nx.json plugin options',
): { options: ReleaseTrainOptions; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const options = structuredClone(DEFAULT_OPTIONS) as unknown as Record<string, unknown>;
  if (raw === undefined || raw === null) return { options: options as unknown as ReleaseTrainOptions, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ setting: '(options)', message: `${where} must be an object`, fix: 'write the options as a JSON object' });
    return { options: options as unknown as ReleaseTrainOptions, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(key in DEFAULT_OPTIONS)) {
      problems.push({
        setting: key,
        message: `unknown setting "${key}" in ${where}`,
        fix: `remove it; known settings: ${Object.keys(DEFAULT_OPTIONS).join(', ')}`,
      });
      continue;
    }
    const expected = kindOf((DEFAULT_OPTIONS as unknown as Record<string, unknown>)[key]);
    const actual = kindOf(value);
    const nullable = key === 'registry';
    if (actual !== expected && !(nullable && (actual === 'null' || actual === 'string'))) {
      problems.push({ setting: key, message: `setting "${key}" in ${where} is ${actual}, expected ${expected}`, fix: `give "${key}" a ${expected} value` });
      continue;
    }
    options[key] = value;
  }
  return { options: options as unknown as ReleaseTrainOptions, problems };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
