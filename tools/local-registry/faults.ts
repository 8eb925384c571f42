/**
 * Fault injection: rules matched against each request, consumed as they fire. Tests and the
 * benchmark add rules and set delays on a running registry; the CLI takes them as flags.
 */

/**
 * `oidc`: the OIDC issuer stand-in; `trusted`: the trusted-publishing token exchange and revoke;
 * `configs`: the trusted-publishing configs API.
 */
export type Route = 'publish' | 'index' | 'download' | 'yank' | 'config' | 'oidc' | 'trusted' | 'configs';

export type FaultAction =
  /** 429 with Retry-After and crates.io's body, retry possible after `retryAfterMs`. */
  | { status: 429; retryAfterMs: number }
  /** Any other status (5xx, 401, 403...), with a crates.io-style JSON error unless `body`. */
  | { status: number; body?: string }
  /**
   * Close the connection without an answer. `after: true` drops it only after the publish
   * was stored: the client sees a network error although the version exists.
   */
  | { drop: true; after?: boolean }
  /** Never answer (the connection stays open until the client gives up or the registry stops). */
  | { hang: true }
  /**
   * A hostile server (routes `oidc` and `trusted`): answer `status` with an error whose text
   * repeats the request's Authorization header and body (tokens and JWTs the client sent).
   */
  | { status: number; echo: true };

export interface FaultRule {
  /** Which requests: default 'publish'. */
  route?: Route;
  /** Only requests for this crate (publish, index, download, yank). */
  crate?: string;
  /** How many matching requests fire the fault (default 1; Infinity for all). */
  times?: number;
  action: FaultAction;
}

export class Faults {
  private rules: Array<FaultRule & { left: number }> = [];
  /** Milliseconds between a publish being stored and its version showing in the index. */
  indexDelayMs = 0;
  /** Milliseconds each accepted publish takes before it is stored and answered. */
  publishLatencyMs = 0;
  /** Milliseconds between minting a trusted-publishing token and answering the exchange (the token exists meanwhile). */
  exchangeLatencyMs = 0;

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** Rules not yet used up. */
  pending(): FaultRule[] {
    return this.rules.filter((r) => r.left > 0).map(({ left, ...r }) => ({ ...r, times: left }));
  }

  /** The action for this request, if a rule matches (and consumes it). */
  take(route: Route, crate: string | null): FaultAction | null {
    const rule = this.rules.find((r) => r.left > 0 && (r.route ?? 'publish') === route && (r.crate == null || r.crate === crate));
    if (!rule) return null;
    rule.left -= 1;
    return rule.action;
  }
}

/**
 * Parses a CLI fault: `route:crate:action:times`, where crate may be `*`, action is
 * `429=MS`, a status number, `drop`, `drop-after` or `hang`, and times is a number or `inf`.
 * Example: `publish:*:429=2000:3`.
 */
export function parseFault(text: string): FaultRule {
  const [route, crate, action, times] = text.split(':');
  const routes: Route[] = ['publish', 'index', 'download', 'yank', 'config', 'oidc', 'trusted'];
  if (!routes.includes(route as Route) || !crate || !action) {
    throw new Error(`--fault ${text}: expected route:crate:action[:times], route one of ${routes.join(', ')}`);
  }
  let a: FaultAction;
  if (action.startsWith('429=')) a = { status: 429, retryAfterMs: Number(action.slice(4)) };
  else if (action === 'drop') a = { drop: true };
  else if (action === 'drop-after') a = { drop: true, after: true };
  else if (action === 'hang') a = { hang: true };
  else if (/^\d{3}$/.test(action)) a = { status: Number(action) };
  else throw new Error(`--fault ${text}: action must be 429=MS, a status, drop, drop-after or hang`);
  const n = times === undefined ? 1 : times === 'inf' ? Infinity : Number(times);
  if (!Number.isFinite(n) && n !== Infinity) throw new Error(`--fault ${text}: times must be a number or inf`);
  return { route: route as Route, crate: crate === '*' ? undefined : crate, action: a, times: n };
}
