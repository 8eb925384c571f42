/**
 * A local Cargo registry on 127.0.0.1 that real `cargo publish` talks to: sparse index,
 * publish, download, yank/unyank, token auth, crates.io's rate limits and injectable faults.
 * Started on a free port and stopped by whoever started it.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import semver from 'semver';
import { Faults, type FaultAction, type Route } from './faults';
import {
  CRATES_IO_INDEX,
  canonicalName,
  checkCrateName,
  depCrate,
  indexPath,
  stripSlash,
  toIndexLine,
  type IndexLine,
  type PublishMetadata,
} from './index-format';
import { HttpError, YANKED_TOO_MANY, readBody, sendJson, sleep, tooManyRequests } from './http-util';
import { Bucket, type RateLimits } from './rate-limit';
import {
  DEFAULT_TOKEN_LIFETIME_MS,
  MISSING_SCOPE,
  OidcIssuer,
  TRUSTED_NEW_CRATE,
  TRUSTED_YANK,
  TrustedError,
  TrustedTokens,
  trustedNotForCrate,
  type MintedToken,
} from './trusted';
import { TrustedConfigs } from './trusted-configs';
import { trustedRoute } from './trusted-routes';
import { UploadError, parseUpload } from './upload';

/** crates.io's limit on a `.crate` file. */
export const CRATES_IO_MAX_CRATE_BYTES = 10 * 1024 * 1024;

export interface RegistryOptions {
  /** Default 0: a free port. */
  port?: number;
  /** The accepted token; default a random one. */
  token?: string;
  /** Index reads need the token too (`auth-required` in config.json). */
  authRequired?: boolean;
  indexDelayMs?: number;
  publishLatencyMs?: number;
  /** Publish and yank rate limits (crates.io's: CRATES_IO_LIMITS); default none. */
  rateLimits?: RateLimits | null;
  /** Largest `.crate` accepted; default crates.io's 10 MiB. */
  maxCrateBytes?: number;
  /** Lifetime of a trusted-publishing token; default crates.io's 30 minutes. */
  trustedTokenLifetimeMs?: number;
  /**
   * Trusted-publishing mode as crates.io's: the exchange matches the OIDC claims against the
   * crates' configs (refusing workflow_run and pull_request_target runs) and each token may
   * publish only the matched crates. Default false: any crate, no configs needed.
   */
  trustedConfigs?: boolean;
  /**
   * Index URLs this registry stands in for: dependencies cargo uploads with these
   * `registry` values count as this registry's own. Default: crates.io's.
   */
  standsInFor?: string[];
  /** One line per request, for a console or a log file. */
  log?: (line: string) => void;
}

export interface RegistryEvent {
  at: number;
  route: Route | 'other';
  method: string;
  crate: string | null;
  vers: string | null;
  status: number | 'dropped' | 'hung';
}

export interface StoredVersion {
  line: IndexLine;
  crate: Buffer;
  /** The upload's JSON metadata as the client sent it (seeded versions: as seeded). */
  metadata: string;
  publishedAt: number;
  visibleAt: number;
}

export interface Registry {
  /** http://127.0.0.1:PORT (the API root). */
  url: string;
  /** sparse+http://127.0.0.1:PORT/index/ (what cargo's `[registries.x] index` takes). */
  indexUrl: string;
  token: string;
  /** An API token with the `trusted-publishing` scope only (the configs API; it cannot publish). */
  trustToken: string;
  faults: Faults;
  /** The crates' trusted-publishing configs. */
  configs: TrustedConfigs;
  /** Versions stored for a crate, in publish order (visible in the index or not yet). */
  published(name: string): string[];
  /** Versions the index shows now. */
  visible(name: string): string[];
  version(name: string, vers: string): StoredVersion | undefined;
  /** Every request answered, in order. */
  events: RegistryEvent[];
  /**
   * The GitHub Actions OIDC stand-in: `requestUrl` and `requestToken` are what a workflow
   * gets as ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN; `issued` lists every JWT handed out.
   */
  oidc: { requestUrl: string; requestToken: string; issued: OidcIssuer['issued']; issuer: OidcIssuer };
  /** Trusted-publishing tokens minted so far (lifetimeMs may be changed on a running registry). */
  trusted: TrustedTokens;
  /** Called after each stored publish; returns an unsubscribe function. */
  onPublish(cb: (line: IndexLine) => void): () => void;
  /** Stores a version directly, visible at once (a registry's state before a test). */
  seed(meta: PublishMetadata, crate: Buffer): IndexLine;
  stop(): Promise<void>;
}

interface CrateEntry {
  versions: StoredVersion[];
}

export async function startRegistry(opts: RegistryOptions = {}): Promise<Registry> {
  const token = opts.token ?? `cio${randomBytes(16).toString('hex')}`;
  const trustToken = `cio${randomBytes(16).toString('hex')}`;
  const configs = new TrustedConfigs();
  const standsInFor = (opts.standsInFor ?? [CRATES_IO_INDEX]).map(stripSlash);
  const faults = new Faults();
  faults.indexDelayMs = opts.indexDelayMs ?? 0;
  faults.publishLatencyMs = opts.publishLatencyMs ?? 0;
  const crates = new Map<string, CrateEntry>(); // by canonical name
  const events: RegistryEvent[] = [];
  const listeners = new Set<(line: IndexLine) => void>();
  const buckets = {
    newVersions: opts.rateLimits?.newVersions ? new Bucket(opts.rateLimits.newVersions, Date.now()) : null,
    newCrates: opts.rateLimits?.newCrates ? new Bucket(opts.rateLimits.newCrates, Date.now()) : null,
    yanks: opts.rateLimits?.yanks ? new Bucket(opts.rateLimits.yanks, Date.now()) : null,
  };
  const maxCrateBytes = opts.maxCrateBytes ?? CRATES_IO_MAX_CRATE_BYTES;
  const issuer = await OidcIssuer.create();
  let trusted!: TrustedTokens; // made once the port (the audience) is known
  let base = '';

  const entry = (name: string) => crates.get(canonicalName(name));
  const sameVersion = (a: string, b: string) => a.split('+')[0] === b.split('+')[0];
  const isVisible = (v: StoredVersion) => v.visibleAt <= Date.now();

  function store(meta: PublishMetadata, crateBytes: Buffer, visibleAt: number, metadata = JSON.stringify(meta)): IndexLine {
    const cksum = createHash('sha256').update(crateBytes).digest('hex');
    const line = toIndexLine(meta, cksum, standsInFor);
    const key = canonicalName(meta.name);
    const e = crates.get(key) ?? { versions: [] };
    crates.set(key, e);
    e.versions.push({ line, crate: crateBytes, metadata, publishedAt: Date.now(), visibleAt });
    for (const cb of listeners) cb(line);
    return line;
  }

  /**
   * Who is asking: the registry's API token, the API token of the `trusted-publishing` scope
   * (configs only), or a live trusted-publishing token.
   */
  function checkAuth(req: http.IncomingMessage): 'api' | 'configs' | MintedToken {
    const got = req.headers.authorization;
    if (!got) throw new HttpError(401, 'this action requires authentication', { 'www-authenticate': 'Cargo' });
    if (got === token) return 'api';
    if (got === trustToken) return 'configs';
    const t = trusted.lookup(got);
    if (t === 'expired') throw new HttpError(403, 'authentication failed: the trusted publishing token has expired or was revoked');
    if (t) return t;
    throw new HttpError(403, 'authentication failed');
  }

  /** The publishing and yank routes: an API token of those scopes, or a trusted-publishing token. */
  function checkPublisher(req: http.IncomingMessage): 'api' | 'trusted' {
    const who = checkAuth(req);
    if (who === 'configs') throw new HttpError(403, MISSING_SCOPE);
    return who === 'api' ? 'api' : 'trusted';
  }

  function validate(meta: PublishMetadata): { isNew: boolean } {
    const bad = checkCrateName(meta.name);
    if (bad) throw new HttpError(400, bad);
    if (!semver.valid(meta.vers)) throw new HttpError(400, `invalid semver version \`${meta.vers}\``);
    const existing = entry(meta.name);
    if (existing) {
      const first = existing.versions[0].line.name;
      if (first !== meta.name) {
        throw new HttpError(400, `crate was previously named \`${first}\``);
      }
      if (existing.versions.some((v) => sameVersion(v.line.vers, meta.vers))) {
        throw new HttpError(400, `crate version \`${meta.vers}\` is already uploaded`);
      }
    }
    for (const d of meta.deps) {
      const foreign = d.registry != null && !standsInFor.includes(stripSlash(d.registry));
      if (!foreign && !entry(d.name)) {
        throw new HttpError(400, `no known crate named \`${d.name}\``);
      }
    }
    return { isNew: !existing };
  }

  function rateLimit(isNew: boolean, who: 'api' | 'trusted'): void {
    // Trusted publishing skips crates.io's per-user limit on new versions.
    const bucket = isNew ? buckets.newCrates : who === 'trusted' ? null : buckets.newVersions;
    const until = bucket?.take(Date.now());
    if (until == null) return;
    throw tooManyRequests(until);
  }

  async function publish(req: http.IncomingMessage, res: http.ServerResponse, ev: RegistryEvent) {
    const auth = checkAuth(req);
    if (auth === 'configs') throw new HttpError(403, MISSING_SCOPE);
    const who = auth === 'api' ? 'api' : 'trusted';
    // The metadata comes on top of the .crate; the .crate itself is checked below.
    const body = await readBody(req, maxCrateBytes + 1024 * 1024);
    let upload;
    try {
      upload = parseUpload(body);
    } catch (e) {
      if (e instanceof UploadError) throw new HttpError(400, `invalid upload request: ${e.message}`);
      throw e;
    }
    const { meta, json, crate } = upload;
    ev.crate = meta.name;
    ev.vers = meta.vers;
    const fault = faults.take('publish', meta.name);
    if (fault && !('drop' in fault && fault.after)) return applyFault(fault, res, ev);
    if (crate.length > maxCrateBytes) throw new HttpError(413, `max upload size is: ${maxCrateBytes}`);
    const { isNew } = validate(meta);
    if (isNew && who === 'trusted') throw new HttpError(403, TRUSTED_NEW_CRATE);
    if (typeof auth === 'object' && auth.crates && !auth.crates.some((c) => canonicalName(c) === canonicalName(meta.name))) {
      throw new HttpError(403, trustedNotForCrate(meta.name));
    }
    rateLimit(isNew, who);
    if (faults.publishLatencyMs > 0) await sleep(faults.publishLatencyMs);
    // Another upload of the same version may have been stored while this one waited.
    validate(meta);
    store(meta, crate, Date.now() + faults.indexDelayMs, json);
    if (fault) return applyFault(fault, res, ev);
    sendJson(res, 200, { warnings: { invalid_categories: [], invalid_badges: [], other: [] } });
    ev.status = 200;
  }

  function indexFile(path: string, req: http.IncomingMessage, res: http.ServerResponse, ev: RegistryEvent) {
    const name = path.split('/').pop() ?? '';
    ev.crate = name;
    const e = entry(name);
    const lines = e && indexPath(e.versions[0].line.name) === path ? e.versions.filter(isVisible).map((v) => v.line) : [];
    if (!lines.length) throw new HttpError(404, `crate \`${name}\` not found`);
    const text = lines.map((l) => JSON.stringify(l) + '\n').join('');
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      ev.status = 304;
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', etag, 'cache-control': 'no-cache' }).end(text);
    ev.status = 200;
  }

  function lookup(name: string, vers: string): StoredVersion {
    const v = entry(name)?.versions.find((x) => x.line.name === name && x.line.vers === vers);
    if (!v) throw new HttpError(404, `crate \`${name}\` does not have a version \`${vers}\``);
    return v;
  }

  function applyFault(fault: FaultAction, res: http.ServerResponse, ev: RegistryEvent): void {
    if ('hang' in fault) {
      ev.status = 'hung';
      return;
    }
    if ('drop' in fault) {
      ev.status = 'dropped';
      res.socket?.destroy();
      return;
    }
    if (fault.status === 429 && 'retryAfterMs' in fault) throw tooManyRequests(Date.now() + fault.retryAfterMs);
    ev.status = fault.status;
    if ('body' in fault && fault.body != null) {
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(fault.body);
    } else {
      sendJson(res, fault.status, { errors: [{ detail: http.STATUS_CODES[fault.status] ?? 'error' }] });
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, ev: RegistryEvent) {
    const url = new URL(req.url ?? '/', base);
    const p = decodeURIComponent(url.pathname);
    if (p === '/index/config.json') {
      ev.route = 'config';
      if (opts.authRequired) checkAuth(req);
      const f = faults.take('config', null);
      if (f) return applyFault(f, res, ev);
      const config: Record<string, unknown> = { dl: `${base}/api/v1/crates`, api: base };
      if (opts.authRequired) config['auth-required'] = true;
      sendJson(res, 200, config);
      ev.status = 200;
      return;
    }
    if (p.startsWith('/index/') && req.method === 'GET') {
      ev.route = 'index';
      if (opts.authRequired) checkAuth(req);
      const path = p.slice('/index/'.length).toLowerCase();
      const f = faults.take('index', path.split('/').pop() ?? null);
      if (f) return applyFault(f, res, ev);
      return indexFile(path, req, res, ev);
    }
    if (p === '/api/v1/crates/new' && req.method === 'PUT') {
      ev.route = 'publish';
      return publish(req, res, ev);
    }
    const requireConfigScope = (r: http.IncomingMessage) => {
      if (checkAuth(r) !== 'configs') throw new HttpError(403, MISSING_SCOPE);
    };
    const crateExists = (name: string) => entry(name) !== undefined;
    if (await trustedRoute(p, url, req, res, ev, { issuer, trusted, faults, configs, requireConfigScope, crateExists, applyFault })) return;
    const m = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/(download|yank|unyank)$/.exec(p);
    if (m) {
      const [, name, vers, action] = m;
      ev.crate = name;
      ev.vers = vers;
      if (action === 'download' && req.method === 'GET') {
        ev.route = 'download';
        if (opts.authRequired) checkAuth(req);
        const f = faults.take('download', name);
        if (f) return applyFault(f, res, ev);
        const v = lookup(name, vers);
        res.writeHead(200, { 'content-type': 'application/gzip' }).end(v.crate);
        ev.status = 200;
        return;
      }
      const yank = action === 'yank' && req.method === 'DELETE';
      if (yank || (action === 'unyank' && req.method === 'PUT')) {
        ev.route = 'yank';
        if (checkPublisher(req) === 'trusted') throw new HttpError(403, TRUSTED_YANK);
        const f = faults.take('yank', name);
        if (f) return applyFault(f, res, ev);
        const v = lookup(name, vers);
        const until = buckets.yanks?.take(Date.now());
        if (until != null) throw tooManyRequests(until, YANKED_TOO_MANY);
        v.line.yanked = yank;
        sendJson(res, 200, { ok: true });
        ev.status = 200;
        return;
      }
    }
    throw new HttpError(404, `no route for ${req.method} ${p}`);
  }

  const server = http.createServer((req, res) => {
    const ev: RegistryEvent = { at: Date.now(), route: 'other', method: req.method ?? '', crate: null, vers: null, status: 0 };
    handle(req, res, ev)
      .catch((e: unknown) => {
        const err =
          e instanceof HttpError
            ? e
            : e instanceof TrustedError
              ? new HttpError(e.status, e.message)
              : new HttpError(500, `internal error: ${(e as Error).message}`);
        ev.status = err.status;
        if (!res.headersSent && !res.destroyed) sendJson(res, err.status, { errors: [{ detail: err.message }] }, err.headers);
      })
      .finally(() => {
        events.push(ev);
        opts.log?.(`${ev.method} ${req.url} ${ev.status}${ev.crate ? ` ${ev.crate}${ev.vers ? `@${ev.vers}` : ''}` : ''}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  trusted = new TrustedTokens(issuer, new URL(base).host, opts.trustedTokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS, opts.trustedConfigs ? configs : null);

  return {
    url: base,
    indexUrl: `sparse+${base}/index/`,
    token,
    trustToken,
    faults,
    configs,
    events,
    oidc: { requestUrl: `${base}/_oidc/token?api-version=2.0`, requestToken: issuer.requestToken, issued: issuer.issued, issuer },
    trusted,
    published: (name) =>
      entry(name)
        ?.versions.filter((v) => v.line.name === name)
        .map((v) => v.line.vers) ?? [],
    visible: (name) =>
      entry(name)
        ?.versions.filter((v) => v.line.name === name && isVisible(v))
        .map((v) => v.line.vers) ?? [],
    version: (name, vers) => entry(name)?.versions.find((v) => v.line.name === name && v.line.vers === vers),
    onPublish(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    seed: (meta, crate) => {
      validate(meta);
      return store(meta, crate, 0);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
