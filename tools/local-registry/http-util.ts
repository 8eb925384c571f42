/** Small HTTP helpers the local registry's routes share. */
import http from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** The request body; a body over `maxBytes` is answered 413 with crates.io's wording. */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        reject(new HttpError(413, `max upload size is: ${maxBytes}`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export const HTTP_DATE = (ms: number) => new Date(ms).toUTCString();

export const PUBLISHED_TOO_MANY = 'You have published too many crates in a short period of time.';
export const YANKED_TOO_MANY = 'You have yanked or unyanked crates too many times in a short period of time.';

/** crates.io's 429: Retry-After and "Please try again after <HTTP date>" in the body. */
export function tooManyRequests(untilMs: number, what = PUBLISHED_TOO_MANY): HttpError {
  // HTTP dates have whole seconds: round up so a client that waits until then succeeds.
  const until = Math.ceil(untilMs / 1000) * 1000;
  const secs = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  return new HttpError(429, `${what} Please try again after ${HTTP_DATE(until)} or email help@crates.io to have your limit increased.`, {
    'retry-after': String(secs),
  });
}
