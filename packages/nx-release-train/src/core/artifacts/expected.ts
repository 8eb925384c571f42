/**
 * What a complete GitHub release holds: every archive of every platform the workflow builds and
 * every installer of those builds (an `.msi`), each with its `.sha256` file, and each checksum
 * file matching its file. Pure: the release's assets come in as data.
 */
import type { ArtifactArchive, ArtifactsOptions } from '../settings/options';
import { checksumLine } from './assets';
import { expectedInstallers } from './installer';
import { archiveFileName, fillArtifactPattern } from './naming';
import { platformName } from './platform';

/** Archive file names (`….tar.xz`, `….zip` for Windows) for each target triple, in settings order. */
export function expectedArchives(
  archives: readonly ArtifactArchive[],
  targets: readonly string[],
  platforms: Record<string, string>,
  version: string,
  tag: string,
): string[] {
  const names = targets.flatMap((t) =>
    archives.map((a) => archiveFileName(fillArtifactPattern(a.name, { version, tag, platform: platformName(t, platforms) }), t)),
  );
  return [...new Set(names)];
}

/** Every file (each with its `.sha256`) a release of these targets carries: the archives, then the installers. */
export function expectedAssets(artifacts: ArtifactsOptions, targets: readonly string[], version: string, tag: string): string[] {
  return [...expectedArchives(artifacts.archives, targets, artifacts.platforms, version, tag), ...expectedInstallers(artifacts, targets, version, tag)];
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
