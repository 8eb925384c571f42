/**
 * Uploading a packaged `.crate` through the registry's publish API, as `cargo publish` does
 * after packaging (crates-io's `Registry::publish`): `PUT {api}/api/v1/crates/new` with a u32
 * little-endian length, the JSON metadata, a u32 little-endian length and the `.crate`, the
 * token in `Authorization`. The `.crate` is the one the preflight packaged, so every crate is
 * packaged once; its metadata is cargo's (core/publishing/new-crate.ts), read from the
 * normalized Cargo.toml inside it.
 * https://doc.rust-lang.org/cargo/reference/registry-web-api.html#publish
 */
import { readFile } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'smol-toml';
import { tarFiles } from '../core/artifacts/tar';
import { newCrateJson } from '../core/publishing/new-crate';
import type { Failure } from '../core/publishing/retry';
import { request } from './http-answer';

/** A packaged crate ready to upload: the `.crate` and the metadata cargo would send with it. */
export interface PreparedCrate {
  file: string;
  metadata: string;
}

export type UploadAnswer = { ok: true; warnings: string[] } | { ok: false; failure: Failure };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the `.crate` cargo packaged for the crate in `crateDir` and builds the upload's
 * metadata for the registry at `registryIndex` (null: crates.io). Throws what is wrong.
 */
export async function prepareCrate(file: string, crateDir: string, registryIndex: string | null): Promise<PreparedCrate> {
  const top = basename(file, '.crate');
  const tar = gunzipSync(await readFile(file));
  const manifestPath = `${top}/Cargo.toml`;
  const first = tarFiles(tar, (p) => p === manifestPath);
  const manifestText = first.get(manifestPath);
  if (!manifestText) throw new Error(`${file} holds no ${manifestPath}`);
  const manifest = parse(utf8.decode(manifestText)) as Record<string, unknown>;
  const readmeFile = (manifest.package as { readme?: unknown } | undefined)?.readme;
  let readme: string | null = null;
  if (typeof readmeFile === 'string') {
    // Cargo sends the readme's text; the package holds the file (copied in when it lies outside).
    const inTar = `${top}/${posix.normalize(readmeFile.replaceAll('\\', '/'))}`;
    const packed = tarFiles(tar, (p) => p === inTar).get(inTar);
    const bytes = packed ?? (await readFile(join(crateDir, readmeFile)).catch(() => null));
    if (!bytes) throw new Error(`the readme ${readmeFile} is neither in ${file} nor in ${crateDir}`);
    try {
      readme = utf8.decode(bytes);
    } catch {
      throw new Error(`the readme ${readmeFile} is not UTF-8 text (cargo refuses it too)`);
    }
  }
  return { file, metadata: newCrateJson({ manifest, readme, registryIndex }) };
}

/** The request body: u32 LE metadata length, metadata, u32 LE `.crate` length, `.crate`. */
export function uploadBody(metadata: string, crate: Buffer): Buffer {
  const json = Buffer.from(metadata, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  const mid = Buffer.alloc(4);
  mid.writeUInt32LE(crate.length);
  return Buffer.concat([head, json, mid, crate]);
}

/** Cargo's wording for the warnings a registry returns with a successful upload. */
function warningsOf(answer: unknown): string[] {
  const w = (answer as { warnings?: Record<string, unknown> } | null)?.warnings ?? {};
  const list = (k: string) => (Array.isArray(w[k]) ? (w[k] as unknown[]).map(String) : []);
  const out: string[] = [];
  const cats = list('invalid_categories');
  if (cats.length)
    out.push(
      `the following are not valid category slugs and were ignored: ${cats.join(', ')}. Please see https://crates.io/category_slugs for the list of all category slugs.`,
    );
  const badges = list('invalid_badges');
  if (badges.length) out.push(`the following are not valid badges and were ignored: ${badges.join(', ')}.`);
  return [...out, ...list('other')];
}

export interface UploadOptions {
  now(): number;
  fetch?: typeof fetch;
}

/** One upload try. The answer's failure is read by the retry rules (core/publishing/retry.ts). */
export async function uploadCrate(apiUrl: string, token: string | undefined, crate: PreparedCrate, opts: UploadOptions): Promise<UploadAnswer> {
  if (!token) return { ok: false, failure: { kind: 'auth', status: null, detail: 'no token to publish with' } };
  const bytes = await readFile(crate.file);
  const url = `${apiUrl.replace(/\/+$/, '')}/api/v1/crates/new`;
  // Bounded like cargo's transfer (it gives up on a stalled connection): a minute, plus a second per 100 KiB.
  const timeoutMs = 60_000 + Math.ceil(bytes.length / 102_400) * 1000;
  const answer = await request(
    url,
    { method: 'PUT', headers: { accept: 'application/json', authorization: token }, body: uploadBody(crate.metadata, bytes) },
    { timeoutMs, now: opts.now, fetch: opts.fetch },
  );
  if (answer.ok) {
    const text = await answer.res.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // cargo reads a non-JSON success as an error; the upload is done, so the index decides.
      return { ok: true, warnings: [`the registry answered the upload with non-JSON text: ${text.slice(0, 200)}`] };
    }
    return { ok: true, warnings: warningsOf(parsed) };
  }
  // crates.io: 400 "crate version `1.0.0` is already uploaded" (an earlier try went through).
  if (answer.failure.kind === 'other' && /already (?:exists|uploaded)/i.test(answer.failure.detail)) return { ok: false, failure: { kind: 'exists' } };
  return answer;
}
