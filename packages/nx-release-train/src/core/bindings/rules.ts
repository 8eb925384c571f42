/**
 * Settings of `nx release-bindings`: the binding repositories that follow a release, and the
 * typed edits that move each one to the new version. Pure data; the `wasmtime` preset fills it.
 */

/** One version edit in a binding repository (paths relative to the repository root). */
export type BindingRule =
  /** The whole file is the version (`X.Y.Z`, trailing whitespace kept). */
  | { kind: 'version-file'; file: string }
  /**
   * Text with placeholders {version} {major} {minor} {patch}, matching exactly one place in
   * `file` (at any version); that place is rewritten for the new version.
   */
  | { kind: 'pattern'; file: string; pattern: string }
  /**
   * A Go module's major version suffix: the `module` line of `goMod` (default `go.mod`) and
   * every occurrence of the module path with its `/vN` in the repository's text files (imports,
   * nested go.mod, Bazel importpath, docs), plus versions written right after it
   * (`path@vX.Y.Z`, go.mod `require path vX.Y.Z`). `module` is the path without `/vN`.
   */
  | { kind: 'go-module'; module: string; goMod?: string }
  /** Exact `=X.Y.Z` requirements on the named crates in a Cargo manifest; other pins stay. */
  | { kind: 'cargo-pins'; file: string; crates: string[] }
  /** Entries of the named packages in a lock file (`gemfile`: Gemfile.lock `name (X.Y.Z)`). */
  | { kind: 'lockfile'; file: string; format: 'gemfile'; packages: string[] };

export interface BindingRepo {
  /** Short name, used by `--only` and in the summary table (e.g. `py`). */
  name: string;
  /** Git URL or local path of the repository. */
  url: string;
  /** `owner/name` on GitHub for the pull request; default: read from a github.com `url`. */
  github?: string;
  /** Branch the pull request targets. Default `main`. */
  baseBranch?: string;
  /** Branch pushed for review; placeholders as in patterns. Default `bindings.branchPattern`. */
  branchPattern?: string;
  /**
   * The repository's own release tag (e.g. `{version}` or `v{version}`). When it already
   * exists on the remote, the repository has released this version and is left alone.
   */
  tagPattern?: string;
  /** Version edits; none (a tag-only repository) gives an empty commit to review and tag. */
  rules: BindingRule[];
}

export interface BindingsOptions {
  repos: BindingRepo[];
  /** Default branch pattern of every repo. */
  branchPattern: string;
  /** Commit message and pull request title. */
  title: string;
  /** GitHub REST API base URL; null: $GITHUB_API_URL, else https://api.github.com. */
  githubApiUrl: string | null;
}

export const DEFAULT_BINDINGS: BindingsOptions = {
  repos: [],
  branchPattern: 'release-train/update-{version}',
  title: 'Update to {version}',
  githubApiUrl: null,
};

/** `owner/name` from `https://github.com/o/n(.git)`, `git@github.com:o/n(.git)` or `ssh://git@github.com/o/n`. */
export function githubRepoOf(url: string): string | null {
  const m = /^(?:https?:\/\/|ssh:\/\/git@|git@)github\.com[/:]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}

/** A repo with every default filled in. */
export interface ResolvedRepo extends Required<Omit<BindingRepo, 'github'>> {
  github: string | null;
}

export function resolveRepo(repo: BindingRepo, options: BindingsOptions): ResolvedRepo {
  return {
    name: repo.name,
    url: repo.url,
    github: repo.github ?? githubRepoOf(repo.url),
    baseBranch: repo.baseBranch ?? 'main',
    branchPattern: repo.branchPattern ?? options.branchPattern,
    tagPattern: repo.tagPattern ?? 'v{version}',
    rules: repo.rules,
  };
}
