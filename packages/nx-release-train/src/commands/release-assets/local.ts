/**
 * The release's files as the last job has them: every platform's archives and `.sha256` files,
 * downloaded into the output directory. Each expected archive must be there with a checksum
 * file naming its sha256, or nothing is sent to GitHub.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAsset } from '../../core/artifacts/assets';
import { checkAssets, type AssetCheck, type ReleasedAsset } from '../../core/artifacts/expected';
import { sha256File } from '../../effects/archive';

export type UploadAsset = LocalAsset & { path: string; contentType: string };

const CONTENT_TYPES: Array<[string, string]> = [
  ['.tar.xz', 'application/x-xz'],
  ['.zip', 'application/zip'],
  ['.msi', 'application/x-msi'],
  ['.sha256', 'text/plain'],
];

/**
 * The files to attach (each expected archive present, then its checksum file) and one row per
 * expected archive and checksum file (core/artifacts/expected.ts names them).
 */
export async function localAssets(outDir: string, archives: readonly string[]): Promise<{ assets: UploadAsset[]; rows: AssetCheck[] }> {
  const assets: UploadAsset[] = [];
  const seen: ReleasedAsset[] = [];
  for (const name of archives) {
    const path = join(outDir, name);
    if (!existsSync(path)) continue;
    const sha256 = await sha256File(path);
    assets.push(asset(name, path, sha256));
    seen.push({ name, sha256 });
    const sums = `${path}.sha256`;
    if (!existsSync(sums)) continue;
    const text = readFileSync(sums, 'utf8');
    const sumsSha = createHash('sha256').update(text).digest('hex');
    assets.push(asset(`${name}.sha256`, sums, sumsSha));
    seen.push({ name: `${name}.sha256`, sha256: sumsSha, text });
  }
  return { assets, rows: checkAssets(archives, seen) };
}

function asset(name: string, path: string, sha256: string): UploadAsset {
  const contentType = CONTENT_TYPES.find(([ext]) => name.endsWith(ext))?.[1] ?? 'application/octet-stream';
  return { name, path, sha256, size: statSync(path).size, contentType };
}
