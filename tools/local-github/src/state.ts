/**
 * What the server holds, as plain records a test can read (`api.state`) after talking to it
 * through Octokit. The JSON GitHub returns is derived from these records in the route files.
 */

export interface RepoOptions {
  /** Branch PRs default to and `target_commitish` falls back to. Default `main`. */
  defaultBranch?: string;
  /**
   * A git directory (bare or not) standing for the repository's contents. When set, pull
   * requests are checked against it like GitHub does: head and base must be branches, head
   * must have commits base lacks, and `head.sha`/`base.sha` are read from it.
   */
  gitDir?: string;
  /**
   * GitHub's "release immutability" repository setting: once published, a release's assets
   * can be neither added, replaced, edited nor deleted, and its tag cannot move (422). Drafts
   * stay mutable. Default off, as on GitHub.
   */
  immutableReleases?: boolean;
}

export interface PullRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  /** Login of the user who opened it. */
  author?: string;
  /** Owner of the head branch (the repo owner unless the head came from a fork). */
  headOwner: string;
  headRef: string;
  baseRef: string;
  createdAt: string;
  updatedAt: string;
  /** Set when merged through the API (the PR is then closed). */
  merged?: { at: string; by: string; commitSha: string; method: 'merge' | 'squash' | 'rebase'; headSha: string };
}

export interface IssueRecord {
  id: number;
  /** Shares the repository's sequence with pull requests, as on GitHub. */
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface AssetRecord {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  /** `sha256:<hex>`, as GitHub reports it in `digest`. */
  digest: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  assets: AssetRecord[];
}

export interface RepoState {
  owner: string;
  name: string;
  defaultBranch: string;
  gitDir?: string;
  /** See RepoOptions.immutableReleases; a test may flip it after start. */
  immutableReleases: boolean;
  pulls: PullRecord[];
  issues: IssueRecord[];
  releases: ReleaseRecord[];
}

/** One request as the server saw it (never its Authorization header). */
export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** Parsed JSON body of non-upload requests, when there was one. */
  body?: unknown;
  /** Set when an injected fault answered instead of the API. */
  fault?: 'drop' | 'hang' | number;
}

/**
 * A planned failure. The `nth` request (1-based, counted from injection) among those that
 * match `method` and `path` gets `status` (a 5xx, default 502) or, with `drop`, its connection
 * destroyed with no answer; `times` consecutive matching requests fail from there (default 1).
 */
export interface Fault {
  method?: string;
  /** A substring of the request path, or a RegExp tested on it. */
  path?: string | RegExp;
  nth?: number;
  times?: number;
  status?: number;
  drop?: boolean;
  /** Never answer: the connection stays open until the client gives up or the server stops. */
  hang?: boolean;
}

export interface GitHubState {
  /** Keyed by `owner/name` (lower case, as GitHub matches case-insensitively). */
  repos: Map<string, RepoState>;
  requests: RequestRecord[];
  /** Faults not yet used up. */
  faults: Array<Required<Pick<Fault, 'times'>> & Fault & { skip: number }>;
  /** A fresh id, never reused (ids outlive deleted records on GitHub too). */
  nextId(): number;
  /** `owner/name` lookup, case-insensitive; undefined when not declared. */
  repo(fullName: string): RepoState | undefined;
  addRepo(fullName: string, options?: RepoOptions): RepoState;
  injectFault(fault: Fault): void;
}

export function createState(): GitHubState {
  const repos = new Map<string, RepoState>();
  let lastId = 1000;
  const state: GitHubState = {
    repos,
    requests: [],
    faults: [],
    nextId: () => ++lastId,
    repo: (fullName) => repos.get(fullName.toLowerCase()),
    addRepo(fullName, options = {}) {
      const [owner, name, ...rest] = fullName.split('/');
      if (!owner || !name || rest.length) throw new Error(`repository must be "owner/name", got "${fullName}"`);
      const existing = repos.get(fullName.toLowerCase());
      if (existing) return existing;
      const repo: RepoState = {
        owner,
        name,
        defaultBranch: options.defaultBranch ?? 'main',
        gitDir: options.gitDir,
        immutableReleases: options.immutableReleases ?? false,
        pulls: [],
        issues: [],
        releases: [],
      };
      repos.set(fullName.toLowerCase(), repo);
      return repo;
    },
    injectFault(fault) {
      if (fault.status !== undefined && (fault.status < 500 || fault.status > 599)) {
        throw new Error(`fault status must be a 5xx, got ${fault.status}`);
      }
      state.faults.push({ ...fault, times: fault.times ?? 1, skip: (fault.nth ?? 1) - 1 });
    },
  };
  return state;
}

/** Takes the fault this request triggers, if any, updating the counters of matching faults. */
export function takeFault(state: GitHubState, method: string, path: string): Fault | undefined {
  for (const fault of state.faults) {
    if (fault.method && fault.method.toUpperCase() !== method) continue;
    if (typeof fault.path === 'string' && !path.includes(fault.path)) continue;
    if (fault.path instanceof RegExp && !fault.path.test(path)) continue;
    if (fault.skip > 0) {
      fault.skip--;
      continue;
    }
    fault.times--;
    if (fault.times <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
    return fault;
  }
  return undefined;
}
