/**
 * Writes release archives: gathers the planned files, streams a deterministic tar (see
 * core/artifacts/tar.ts) through the system `xz`, and writes the `.sha256` beside it. Files
 * appear atomically (temp file + rename), so an interrupted run never leaves half an archive
 * under its final name.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PlannedSource } from '../core/artifacts/plan';
import { TAR_END, tarHeader, tarMembers, tarPadding, type ArchiveFile } from '../core/artifacts/tar';
import { ReleaseError } from '../core/errors';
import { joinPath } from '../core/paths';
import { run } from './exec';

/** Threads speed up large libraries; the level comes from `artifacts.compression`. */
const xzArgs = (level: number) => ['--compress', `-${level}`, '--threads=0', '--stdout'];

/** Null when `xz` runs; otherwise what is missing. */
export async function archiveToolProblem(): Promise<string | null> {
  const { exitCode } = await run('xz', ['--version'], { cwd: process.cwd(), reject: false });
  return exitCode === 0 ? null : "the 'xz' program is needed to write .tar.xz archives and was not found on PATH";
}

export async function requireArchiveTool(): Promise<void> {
  const problem = await archiveToolProblem();
  if (problem) throw new ReleaseError(problem, 'install xz-utils (apt), xz (brew, dnf)');
}

/**
 * The files behind an archive's planned sources: workspace paths (directories walked, sorted)
 * and cargo outputs. Missing sources are reported, not skipped: a release archive without its
 * library is worse than no archive. Symbolic links are never followed out of the tree: a
 * workspace path must resolve inside the workspace, and a link inside an archived directory is
 * archived as a link when it points inside that directory, and refused (named) otherwise, so
 * no host file (e.g. `.git/config` with a CI token) can reach a public archive.
 */
export function collectFiles(root: string, targetDir: string, sources: PlannedSource[]): { files: ArchiveFile[]; missing: string[] } {
  const files: ArchiveFile[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    const abs = source.kind === 'path' ? join(root, source.path) : join(targetDir, source.path);
    if (!existsSync(abs)) {
      missing.push(source.kind === 'path' ? `workspace path '${source.path}' does not exist` : `cargo output '${abs}' does not exist after the build`);
      continue;
    }
    if (source.kind === 'path' && !inside(realpathSync(root), realpathSync(abs))) {
      missing.push(
        `workspace path '${source.path}' leads outside the workspace (to ${realpathSync(abs)}) through a symbolic link; archives never follow links out of the tree`,
      );
      continue;
    }
    const stat = statSync(abs);
    if (!stat.isDirectory()) {
      files.push(archiveFile(abs, joinPath(source.to, source.kind === 'output' && source.as ? source.as : basename(abs))));
      continue;
    }
    for (const entry of walk(abs)) {
      if (entry.link === undefined) files.push(archiveFile(join(abs, entry.rel), joinPath(source.to, entry.rel)));
      else if (entry.escapes)
        missing.push(
          `'${source.kind === 'path' ? joinPath(source.path, entry.rel) : join(abs, entry.rel)}' is a symbolic link to '${entry.link}', outside '${source.path}': archives never follow links out of the tree; replace the link with the file, or point it inside the directory`,
        );
      else files.push({ path: joinPath(source.to, entry.rel), source: join(abs, entry.rel), size: 0, executable: false, link: entry.link });
    }
  }
  return { files, missing };
}

function inside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

function archiveFile(source: string, path: string): ArchiveFile {
  const stat = statSync(source);
  return { path, source, size: stat.size, executable: (stat.mode & 0o111) !== 0 };
}

interface WalkEntry {
  rel: string;
  /** The link text of a symbolic link (never followed). */
  link?: string;
  /** The link leads outside the walked directory (absolute, or through ..). */
  escapes?: boolean;
}

/** Entries below `top` (relative POSIX paths, sorted); links are listed, not followed. */
function walk(top: string, prefix = ''): WalkEntry[] {
  const out: WalkEntry[] = [];
  const dir = prefix ? join(top, prefix) : top;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const abs = join(dir, entry.name);
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) {
      const link = readlinkSync(abs);
      const lexical = relative(top, resolve(dirname(abs), link));
      out.push({ rel, link, escapes: isAbsolute(link) || lexical === '..' || lexical.startsWith(`..${sep}`) || isAbsolute(lexical) });
    } else if (stat.isDirectory()) out.push(...walk(top, rel));
    else out.push({ rel });
  }
  return out;
}

/**
 * Writes `<outFile>` as `top/...` tar.xz; every member stamped with `mtime` (seconds), compressed
 * at xz `level` (Wasmtime's releases use 9).
 */
export async function writeTarXz(outFile: string, top: string, files: ArchiveFile[], mtime: number, level = 9): Promise<void> {
  const { members, errors } = tarMembers(top, files);
  if (errors.length) throw new ReleaseError(`${basename(outFile)}: ${errors.join('; ')}`, 'rename or move the files named so that they fit a ustar archive');
  mkdirSync(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp-${process.pid}`;
  let failure: unknown;
  async function* tar(): AsyncGenerator<Uint8Array> {
    try {
      yield* stream();
    } catch (err) {
      failure = err;
      throw err;
    }
  }
  async function* stream(): AsyncGenerator<Uint8Array> {
    for (const m of members) {
      yield tarHeader(m, mtime);
      if (m.type !== 'file') continue;
      let size = 0;
      for await (const chunk of createReadStream(m.source)) {
        size += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      if (size !== m.size) throw new ReleaseError(`${m.source} changed while it was being archived`, 'rerun once nothing else writes to the build output');
      yield tarPadding(m.size);
    }
    yield TAR_END;
  }
  try {
    const result = await run('xz', xzArgs(level), { cwd: dirname(outFile), stdin: tar(), stdoutFile: tmp, reject: false });
    if (failure) throw failure;
    if (result.exitCode !== 0)
      throw new ReleaseError(`xz exited with ${result.exitCode}: ${result.stderr.trim()}`, 'install xz-utils (apt), xz (brew, dnf), or fix what xz reports');
    renameSync(tmp, outFile);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
