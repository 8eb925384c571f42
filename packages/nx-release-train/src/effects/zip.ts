/**
 * Writes a release archive as `.zip` (Wasmtime's Windows archives): the same members as the
 * tar (core/artifacts/tar.ts: sorted, every directory listed, one time stamp), deflated by yazl,
 * so the same inputs give the same bytes and a rerun keeps the release's assets. Appears
 * atomically (temp file + rename).
 */
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { tarMembers, type ArchiveFile } from '../core/artifacts/tar';
import { ReleaseError } from '../core/errors';

/** Unix mode bits with the file type, as zip's external attributes carry them. */
const FILE = 0o100000;
const LINK = 0o120000;

/** Writes `<outFile>` holding `top/...`; every member stamped with `mtime` (seconds). */
export async function writeZip(outFile: string, top: string, files: ArchiveFile[], mtime: number): Promise<void> {
  const { members, errors } = tarMembers(top, files);
  if (errors.length) throw new ReleaseError(`${basename(outFile)}: ${errors.join('; ')}`, 'rename or move the files named so that each has one path');
  // Zip's one time field is a local time (2-second steps) that yazl reads from a Date's local
  // fields: shifted by the zone offset, they are the UTC time, so every machine writes the same bytes.
  const instant = new Date(mtime * 1000);
  const stamp = { mtime: new Date(instant.getTime() + instant.getTimezoneOffset() * 60_000), forceDosTimestamp: true };
  const zip = new ZipFile();
  for (const m of members) {
    if (m.type === 'dir') zip.addEmptyDirectory(m.path, { ...stamp, mode: 0o40755 });
    else if (m.type === 'symlink') zip.addBuffer(Buffer.from(m.target), m.path, { ...stamp, mode: LINK | 0o777, compress: false });
    else {
      if (statSync(m.source).size !== m.size)
        throw new ReleaseError(`${m.source} changed while it was being archived`, 'rerun once nothing else writes to the build output');
      zip.addFile(m.source, m.path, { ...stamp, mode: FILE | (m.executable ? 0o755 : 0o644), compressionLevel: 9 });
    }
  }
  zip.end();
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  try {
    await pipeline(zip.outputStream, createWriteStream(tmp));
    renameSync(tmp, outFile);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
