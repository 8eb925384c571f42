/**
 * The body of `PUT /api/v1/crates/new`: a u32 little-endian length, that many bytes of JSON
 * metadata, a u32 little-endian length, and that many bytes of the `.crate` file.
 */
import type { PublishMetadata } from './index-format';

export interface Upload {
  meta: PublishMetadata;
  /** The metadata exactly as sent (tests compare two clients' uploads byte for byte). */
  json: string;
  crate: Buffer;
}

export class UploadError extends Error {}

export function parseUpload(body: Buffer): Upload {
  const jsonLen = readLen(body, 0, 'metadata');
  const json = body.subarray(4, 4 + jsonLen);
  const crateLen = readLen(body, 4 + jsonLen, '.crate');
  const start = 8 + jsonLen;
  if (body.length !== start + crateLen) {
    throw new UploadError(`body holds ${body.length - start} bytes after the metadata, but its length field says ${crateLen}`);
  }
  let meta: PublishMetadata;
  try {
    meta = JSON.parse(json.toString('utf8'));
  } catch (e) {
    throw new UploadError(`metadata is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof meta?.name !== 'string' || typeof meta?.vers !== 'string' || !Array.isArray(meta?.deps)) {
    throw new UploadError('metadata needs `name`, `vers` and `deps`');
  }
  return { meta, json: json.toString('utf8'), crate: body.subarray(start) };
}

/** Builds a body the way cargo does (used by tests and seeding). */
export function encodeUpload(meta: PublishMetadata, crate: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(meta), 'utf8');
  const a = Buffer.alloc(4);
  a.writeUInt32LE(json.length);
  const b = Buffer.alloc(4);
  b.writeUInt32LE(crate.length);
  return Buffer.concat([a, json, b, crate]);
}

function readLen(body: Buffer, at: number, what: string): number {
  if (body.length < at + 4) throw new UploadError(`body ends before the ${what} length`);
  const len = body.readUInt32LE(at);
  if (body.length < at + 4 + len) throw new UploadError(`body ends inside the ${what} (${len} bytes announced)`);
  return len;
}
