/**
 * HTTP plumbing shared by the route files: JSON answers shaped like GitHub's, request bodies,
 * and `Link` pagination (Octokit's paginate follows rel="next").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const DOCS = 'https://docs.github.com/rest';

/** An error answer, thrown by handlers and turned into GitHub's JSON error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Array<Record<string, string>>,
  ) {
    super(message);
  }
}

export const notFound = () => new ApiError(404, 'Not Found');

/** 422 the way GitHub words it: "Validation Failed" plus a list of field errors. */
export function validationFailed(...errors: Array<Record<string, string>>): ApiError {
  return new ApiError(422, 'Validation Failed', errors);
}

let requestCounter = 0;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': String(Buffer.byteLength(text)),
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `LOCAL-${++requestCounter}`,
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.status, {
    message: err.message,
    ...(err.errors ? { errors: err.errors } : {}),
    documentation_url: DOCS,
    status: String(err.status),
  });
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; GitHub answers 400 "Problems parsing JSON" otherwise. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  try {
    const value = JSON.parse(raw.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError(400, 'Problems parsing JSON');
}

/**
 * One page of `items` per `per_page` (default 30, at most 100) and `page`, with the `Link`
 * header GitHub sends when there is more than one page.
 */
export function paginate<T>(items: T[], query: URLSearchParams, selfUrl: URL): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const u = new URL(selfUrl);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `<${u}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
