/**
 * The routes of trusted publishing on the local registry: the OIDC issuer stand-in
 * (`GET /_oidc/token?audience=...`, GitHub's ACTIONS_ID_TOKEN_REQUEST_URL),
 * `POST`/`DELETE /api/v1/trusted_publishing/tokens` (exchange a JWT, revoke a token), and the
 * configs (`GET ...github_configs?crate=`, `POST ...github_configs`, `DELETE ...github_configs/{id}`),
 * which need an API token with the `trusted-publishing` scope.
 */
import type http from 'node:http';
import type { Faults, FaultAction, Route } from './faults';
import { HttpError, readBody, sendJson } from './http-util';
import type { OidcIssuer, TrustedTokens } from './trusted';
import type { TrustedConfigs } from './trusted-configs';

interface Event {
  route: Route | 'other';
  status: number | 'dropped' | 'hung';
}

interface Parts {
  issuer: OidcIssuer;
  trusted: TrustedTokens;
  faults: Faults;
  configs: TrustedConfigs;
  /** Refuses a request without an API token of the `trusted-publishing` scope. */
  requireConfigScope(req: http.IncomingMessage): void;
  crateExists(name: string): boolean;
  applyFault(fault: FaultAction, res: http.ServerResponse, ev: Event): void;
}

/** A hostile server's answer: the request's credentials repeated in the error text. */
async function echo(fault: FaultAction, req: http.IncomingMessage, res: http.ServerResponse, ev: Event): Promise<boolean> {
  if (!('echo' in fault)) return false;
  const body = (await readBody(req, 64 * 1024)).toString('utf8');
  sendJson(res, fault.status, { errors: [{ detail: `denied for ${req.headers.authorization ?? '(no authorization)'} with ${body || '(no body)'}` }] });
  ev.status = fault.status;
  return true;
}

/** Answers the request if it is one of these routes; returns whether it was. */
export async function trustedRoute(path: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse, ev: Event, parts: Parts): Promise<boolean> {
  if (path === '/_oidc/token' && req.method === 'GET') {
    ev.route = 'oidc';
    const f = parts.faults.take('oidc', null);
    if (f && (await echo(f, req, res, ev))) return true;
    if (f) return (parts.applyFault(f, res, ev), true);
    sendJson(res, 200, await parts.issuer.answer(req.headers.authorization, url.searchParams.get('audience'), Date.now()));
    ev.status = 200;
    return true;
  }
  if (path.startsWith(CONFIGS)) return configRoute(path, url, req, res, ev, parts);
  if (path !== '/api/v1/trusted_publishing/tokens' || (req.method !== 'POST' && req.method !== 'DELETE')) return false;
  ev.route = 'trusted';
  const f = parts.faults.take('trusted', null);
  if (f && (await echo(f, req, res, ev))) return true;
  if (f) return (parts.applyFault(f, res, ev), true);
  if (req.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
    } catch {
      throw new HttpError(400, 'expected a JSON body {"jwt": "..."}');
    }
    const minted = await parts.trusted.exchange(body, Date.now());
    if (parts.faults.exchangeLatencyMs > 0) await new Promise((done) => setTimeout(done, parts.faults.exchangeLatencyMs));
    sendJson(res, 200, minted);
    ev.status = 200;
    return true;
  }
  parts.trusted.revoke(req.headers.authorization, Date.now());
  res.writeHead(204).end();
  ev.status = 204;
  return true;
}

const CONFIGS = '/api/v1/trusted_publishing/github_configs';

async function configRoute(path: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse, ev: Event, parts: Parts): Promise<boolean> {
  const id = path === CONFIGS ? null : /^\/(\d+)$/.exec(path.slice(CONFIGS.length))?.[1];
  if (id === undefined) return false;
  ev.route = 'configs';
  parts.requireConfigScope(req);
  const f = parts.faults.take('configs', url.searchParams.get('crate'));
  if (f) return (parts.applyFault(f, res, ev), true);
  if (id === null && req.method === 'GET') {
    const crate = url.searchParams.get('crate');
    if (!crate) throw new HttpError(400, 'missing query parameter `crate`');
    if (!parts.crateExists(crate)) throw new HttpError(404, `crate \`${crate}\` does not exist`);
    const list = parts.configs.list(crate);
    sendJson(res, 200, { github_configs: list, meta: { total: list.length, next_page: null } });
  } else if (id === null && req.method === 'POST') {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
    } catch {
      throw new HttpError(400, 'expected a JSON body {"github_config": {...}}');
    }
    sendJson(res, 200, { github_config: parts.configs.create(body, parts.crateExists, Date.now()) });
  } else if (id !== null && req.method === 'DELETE') {
    parts.configs.delete(Number(id));
    res.writeHead(204).end();
    ev.status = 204;
    return true;
  } else return false;
  ev.status = 200;
  return true;
}
