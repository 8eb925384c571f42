/**
 * A deterministic tar (ustar) layout: sorted members, fixed owner and time, modes from the
 * executable bit only. The same inputs give the same bytes, so a rerun produces archives with
 * the same checksum and the GitHub release keeps its assets. Pure: headers are built here, the
 * effect streams file contents between them. Reading (`tarFiles`) is here too: publishing reads
 * the normalized Cargo.toml and the readme out of a `.crate` already in memory, synchronously
 * and without I/O in core, where the npm tar packages parse streams and files; the one
 * module that knows the header layout writes and reads it.
 */
import { ReleaseError } from '../errors';

export interface ArchiveFile {
  /** Path inside the archive, below its top directory (POSIX). */
  path: string;
  /** Absolute path of the file to copy in. */
  source: string;
  executable: boolean;
  size: number;
  /** A symbolic link inside the archived tree: archived as this link text, never followed. */
  link?: string;
}

export type TarMember =
  | { type: 'dir'; path: string }
  | { type: 'file'; path: string; source: string; executable: boolean; size: number }
  | { type: 'symlink'; path: string; target: string };

/**
 * The members of an archive whose top directory is `top`: every directory implied by the
 * files, then files, all sorted by path. Two files on one path are an error (naming both).
 */
export function tarMembers(top: string, files: ArchiveFile[]): { members: TarMember[]; errors: string[] } {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const dirs = new Set<string>([top]);
  const out: TarMember[] = [];
  for (const f of files) {
    const path = `${top}/${f.path}`;
    const other = seen.get(path);
    if (other !== undefined) {
      errors.push(`'${path}' would come from both ${other} and ${f.source}`);
      continue;
    }
    seen.set(path, f.source);
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.add(path.slice(0, i));
    out.push(
      f.link !== undefined ? { type: 'symlink', path, target: f.link } : { type: 'file', path, source: f.source, executable: f.executable, size: f.size },
    );
  }
  for (const d of dirs) out.push({ type: 'dir', path: d });
  out.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return { members: out, errors };
}

// A directory sorts as `dir/` so it precedes its contents and `dir-x` files do not split it.
function sortKey(m: TarMember): string {
  return m.type === 'dir' ? `${m.path}/` : m.path;
}

const BLOCK = 512;

/** The 512-byte ustar header of a member; throws when the path cannot fit ustar's fields. */
export function tarHeader(member: TarMember, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const path = member.type === 'dir' ? `${member.path}/` : member.path;
  const [prefix, name] = splitPath(path);
  h.write(name, 0, 100, 'utf8');
  const mode = member.type === 'symlink' ? 0o777 : member.type === 'dir' || member.executable ? 0o755 : 0o644;
  octal(h, 100, 8, mode);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, member.type === 'file' ? member.size : 0);
  octal(h, 136, 12, mtime);
  h.write(member.type === 'dir' ? '5' : member.type === 'symlink' ? '2' : '0', 156, 1, 'ascii');
  if (member.type === 'symlink') {
    if (Buffer.byteLength(member.target) > 100) throw new Error(`tar: the link target '${member.target}' of '${member.path}' is longer than ustar's 100 bytes`);
    h.write(member.target, 157, 100, 'utf8');
  }
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  // The checksum is computed with its own field read as spaces.
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

/** Zero bytes completing a file's data to a whole block. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK, 0);
}

/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(BLOCK * 2, 0);

function octal(h: Buffer, offset: number, length: number, value: number): void {
  const text = value.toString(8);
  if (text.length > length - 1)
    throw new ReleaseError(`tar: value ${value} does not fit a ${length}-byte field`, 'leave files of 8 GiB or more out of the archive');
  h.write(text.padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

/** ustar keeps up to 100 bytes in `name` and 155 in `prefix`, split at a `/`. */
function splitPath(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return [prefix, name];
  }
  throw new ReleaseError(
    `tar: the path '${path}' is too long for a ustar archive (100 + 155 bytes)`,
    'shorten the path, or place the file under a shorter `to` in artifacts.archives',
  );
}

// Reading. Cargo writes GNU tar headers, with an `L` entry before a member whose path is over
// 100 bytes; POSIX `ustar` prefixes and pax `path` records are read too.

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
