/**
 * A local GitHub REST API on 127.0.0.1 for tests that drive the real Octokit client: pull
 * requests (merged into the backing git directory), git refs, releases and release assets, with token auth, GitHub-shaped errors and injectable
 * faults. See ../README.md for the API and the GitHub behaviours it reproduces.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, notFound, readBody, sendError, sendJson } from './http';
import { issueRoutes } from './issues';
import { mergeRoutes } from './merge';
import { pullRoutes } from './pulls';
import { refRoutes } from './refs';
import { releaseRoutes } from './releases';
import { type Context, type Route, matchRoute, userJson } from './router';
import { type GitHubState, type RepoOptions, type RequestRecord, createState, takeFault } from './state';

export interface GitHubApiOptions {
  /** The one token the server accepts (`Authorization: token …` or `Bearer …`). */
  token: string;
  /** Login of the token's user, shown as author of everything created. Default `release-bot`. */
  login?: string;
  /**
   * More accepted tokens and their users' logins, e.g. a maintainer who merges the bot's
   * pull requests (`merged_by`, the merge commit's author).
   */
  users?: Record<string, string>;
  /** Repositories that exist, as `owner/name` (others answer 404 like a missing repo). */
  repos?: string[] | Record<string, RepoOptions>;
  /** Clock for `created_at`/`updated_at`; default the real one. */
  now?: () => Date;
}

export interface GitHubApi {
  /** `http://127.0.0.1:<port>`: Octokit's `baseUrl`. */
  url: string;
  state: GitHubState;
  stop(): Promise<void>;
}

const routes: Route[] = [
  { method: 'GET', pattern: '/user', handle: (ctx) => ({ status: 200, body: userJson(ctx) }) },
  ...pullRoutes,
  ...mergeRoutes,
  ...refRoutes,
  ...releaseRoutes,
  ...issueRoutes,
];

export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApi> {
  if (!options.token) throw new Error('startGitHubApi: a token is required');
  const state = createState();
  const repos = options.repos ?? [];
  for (const [name, repoOptions] of Array.isArray(repos) ? repos.map((r) => [r, {}] as const) : Object.entries(repos)) {
    state.addRepo(name, repoOptions);
  }
  const clock = options.now ?? (() => new Date());
  const login = options.login ?? 'release-bot';
  const tokens = new Map([[options.token, login], ...Object.entries(options.users ?? {})]);
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', origin);
    const record: RequestRecord = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
    state.requests.push(record);

    const fault = takeFault(state, method, url.pathname);
    if (fault?.hang) {
      record.fault = 'hang';
      return;
    }
    if (fault?.drop) {
      record.fault = 'drop';
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    if (fault) {
      record.fault = record.status = fault.status ?? 502;
      sendJson(res, record.status, { message: 'Server Error' });
      return;
    }

    let status: number;
    try {
      const found = matchRoute(routes, method, url.pathname);
      if (!found) throw notFound();
      const anonymous = found.route.auth === false || (found.route.auth === 'optional' && !req.headers.authorization);
      const user = anonymous ? login : checkToken(req.headers.authorization, tokens);
      const isUpload = method === 'POST' && url.pathname.endsWith('/assets');
      if (!isUpload && body.length && (req.headers['content-type'] ?? '').includes('json')) {
        try {
          record.body = JSON.parse(body.toString('utf8'));
        } catch {
          // the handler answers 400 for it
        }
      }
      const ctx: Context = {
        state,
        origin,
        login: user,
        anonymous,
        req,
        url,
        params: found.params,
        body,
        now: () =>
          clock()
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z'),
      };
      const reply = await found.route.handle(ctx);
      status = reply.status;
      if (reply.raw) {
        res.writeHead(status, { 'content-type': reply.raw.contentType, 'content-length': String(reply.raw.data.length), ...reply.headers });
        res.end(reply.raw.data);
      } else {
        sendJson(res, status, reply.body, reply.headers);
      }
    } catch (err) {
      // A handler bug still answers (as a 500 naming it), or the client would hang.
      const apiErr = err instanceof ApiError ? err : new ApiError(500, `local-github: ${(err as Error).message}`);
      status = apiErr.status;
      if (res.headersSent) res.destroy();
      else sendError(res, apiErr);
    }
    record.status = status;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** GitHub's two 401s: no credentials at all, or credentials it does not know. */
function checkToken(header: string | undefined, tokens: Map<string, string>): string {
  if (!header) throw new ApiError(401, 'Requires authentication');
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(header.trim());
  const user = match ? tokens.get(match[1]) : undefined;
  if (!user) throw new ApiError(401, 'Bad credentials');
  return user;
}
