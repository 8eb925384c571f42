/** The shape every route file shares: a method, a path pattern, and an async handler. */
import type { IncomingMessage } from 'node:http';
import { notFound } from './http';
import type { GitHubState, RepoState } from './state';

export interface Context {
  state: GitHubState;
  /** Server origin, e.g. `http://127.0.0.1:43121` (API base URL and upload/download host). */
  origin: string;
  login: string;
  /** No Authorization header on a route that allows that (`auth: 'optional'`): drafts are hidden. */
  anonymous: boolean;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  body: Buffer;
  /** The current time as GitHub writes it (ISO 8601 without milliseconds). */
  now(): string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes instead of JSON (asset downloads). */
  raw?: { data: Buffer; contentType: string };
}

export interface Route {
  method: string;
  /** Path with `:name` segments, and optionally a last `*name` segment taking the rest. */
  pattern: string;
  /**
   * False for routes GitHub serves without a token (browser downloads); `optional` for reads of
   * a public repository, where a token shows more (drafts).
   */
  auth?: boolean | 'optional';
  handle(ctx: Context): Promise<Reply> | Reply;
}

export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pat = route.pattern.split('/').filter(Boolean);
    // A last segment `*name` takes the rest of the path (git ref names have slashes).
    const rest = pat.at(-1)?.startsWith('*') ? pat.pop()!.slice(1) : null;
    if (rest ? parts.length <= pat.length : pat.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (pat.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(parts[i])), true) : p === parts[i]))) {
      if (rest) params[rest] = parts.slice(pat.length).map(decodeURIComponent).join('/');
      return { route, params };
    }
  }
  return undefined;
}

/** The declared repository of `:owner/:repo`, else GitHub's 404. */
export function repoOf(ctx: Context): RepoState {
  const repo = ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo) throw notFound();
  return repo;
}

export function userJson(ctx: Context, login = ctx.login) {
  return { login, id: 1, type: 'User', url: `${ctx.origin}/users/${login}`, html_url: `${ctx.origin}/${login}` };
}

export function repoJson(ctx: Context, repo: RepoState) {
  return {
    id: 1,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: userJson(ctx, repo.owner),
    private: false,
    html_url: `${ctx.origin}/${repo.owner}/${repo.name}`,
    url: `${ctx.origin}/repos/${repo.owner}/${repo.name}`,
    default_branch: repo.defaultBranch,
  };
}

/** A positive integer path parameter, or 404 as GitHub answers for `/pulls/abc`. */
export function intParam(ctx: Context, name: string): number {
  const n = Number(ctx.params[name]);
  if (!Number.isInteger(n) || n <= 0) throw notFound();
  return n;
}
