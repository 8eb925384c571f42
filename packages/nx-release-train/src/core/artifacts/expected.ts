/**
 * What a complete release holds: every archive of every platform the workflow builds, each
 * with its `.sha256` file, and each checksum file matching its archive. Pure: the files come
 * in as data (the output directory's, or the release's).
 */
import type { ArtifactArchive } from '../settings/options';
import { checksumLine } from './assets';
import { fillArtifactPattern } from './naming';
import { platformName } from './platform';

/**
 * The kinds of archive a platform's job may write for one `artifacts.archives` entry: Unix
 * platforms `.tar.xz`, Windows `.zip` (and an `.msi` beside Wasmtime's x86_64 one).
 */
export const ARCHIVE_EXTENSIONS = ['.tar.xz', '.zip', '.msi'] as const;

/** Archive base names (no extension) for each target triple, in settings order. */
export function expectedArchiveBases(
  archives: readonly ArtifactArchive[],
  targets: readonly string[],
  platforms: Record<string, string>,
  version: string,
  tag: string,
): string[] {
  const names = targets.flatMap((t) => archives.map((a) => fillArtifactPattern(a.name, { version, tag, platform: platformName(t, platforms) })));
  return [...new Set(names)];
}

/** Archive file names (`….tar.xz`) for each target triple, as the Unix jobs write them. */
export function expectedArchives(...args: Parameters<typeof expectedArchiveBases>): string[] {
  return expectedArchiveBases(...args).map((base) => `${base}.tar.xz`);
}

/** The archive files among `files` for each base, and the bases that have none. */
export function findArchives(bases: readonly string[], files: readonly string[]): { archives: string[]; missing: string[] } {
  const present = new Set(files);
  const archives: string[] = [];
  const missing: string[] = [];
  for (const base of bases) {
    const found = ARCHIVE_EXTENSIONS.map((ext) => `${base}${ext}`).filter((f) => present.has(f));
    if (found.length) archives.push(...found);
    else missing.push(base);
  }
  return { archives, missing };
}

export interface ReleasedAsset {
  name: string;
  /** SHA-256 of the asset's bytes. */
  sha256: string;
  /** The text of the asset, for checksum files. */
  text?: string;
}

export interface AssetCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** A row for a base with no archive at all. */
export function missingArchiveRow(base: string): AssetCheck {
  return { name: `${base}.tar.xz`, ok: false, detail: `missing (nor ${ARCHIVE_EXTENSIONS.slice(1).join(' nor ')})` };
}

/** One row per expected archive and checksum file. */
export function checkAssets(expected: readonly string[], assets: readonly ReleasedAsset[]): AssetCheck[] {
  const byName = new Map(assets.map((a) => [a.name, a]));
  return expected.flatMap((file): AssetCheck[] => {
    const archive = byName.get(file);
    const sums = byName.get(`${file}.sha256`);
    const rows: AssetCheck[] = [archive ? { name: file, ok: true, detail: `sha256 ${archive.sha256}` } : { name: file, ok: false, detail: 'missing' }];
    if (!sums) rows.push({ name: `${file}.sha256`, ok: false, detail: 'missing' });
    else if (archive && sums.text !== checksumLine(archive.sha256, file)) {
      rows.push({ name: `${file}.sha256`, ok: false, detail: `says ${JSON.stringify((sums.text ?? '').trim())}, the archive's sha256 is ${archive.sha256}` });
    } else rows.push({ name: `${file}.sha256`, ok: !!archive, detail: archive ? 'matches' : 'its archive is missing' });
    return rows;
  });
}
