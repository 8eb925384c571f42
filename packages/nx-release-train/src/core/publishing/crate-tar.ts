/**
 * Reads files out of a `.crate`'s tar (already gunzipped; pure). Cargo writes GNU tar
 * headers, with a `L` entry before a member whose path is over 100 bytes; POSIX `ustar`
 * prefixes and pax `path` records are read too. Only regular files are returned.
 */

const BLOCK = 512;

function field(header: Buffer, at: number, len: number): string {
  const raw = header.subarray(at, at + len);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? len : end).toString('utf8');
}

function paxPath(data: Buffer): string | null {
  // Records are "<len> key=value\n".
  for (const rec of data.toString('utf8').split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(rec);
    if (m) return m[1];
  }
  return null;
}

/** The regular files of `tar` whose path `wanted` accepts, by path. */
export function tarFiles(tar: Buffer, wanted: (path: string) => boolean): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let longName: string | null = null;
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size)) throw new Error(`a tar header at byte ${at} has no readable size`);
    // An old-style header has NUL where the type goes: a regular file, like '0'.
    const type = String.fromCharCode(header[156] || 0x30);
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = field(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    const posix = field(header, 257, 6) === 'ustar';
    const prefix = posix ? field(header, 345, 155) : '';
    const path = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = null;
    if (type === '0' && wanted(path)) out.set(path, Buffer.from(data));
  }
  return out;
}
