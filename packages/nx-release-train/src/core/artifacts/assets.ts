/**
 * What to do with each release asset, from the local files and what the release already holds.
 * Idempotence lives here: identical assets stay, different ones are replaced, missing ones are
 * uploaded, and assets this run does not produce (other platforms' jobs) are left alone.
 */

export interface LocalAsset {
  name: string;
  /** Hex SHA-256 of the file. */
  sha256: string;
  size: number;
}

export interface RemoteAsset {
  id: number;
  name: string;
  size: number;
  /** GitHub's `state`: `uploaded` once complete; anything else is a broken earlier upload. */
  state: string;
  /** Hex SHA-256 from GitHub's `digest`, or from downloading the asset; null when unknown. */
  sha256: string | null;
}

export type AssetAction =
  | { action: 'upload'; local: LocalAsset }
  | { action: 'replace'; local: LocalAsset; remote: RemoteAsset; reason: string }
  | { action: 'keep'; local: LocalAsset; remote: RemoteAsset };

/** `sha256:<hex>` (GitHub's `digest`) to hex; null for other algorithms or none. */
export function sha256FromDigest(digest: string | null | undefined): string | null {
  const m = /^sha256:([0-9a-f]{64})$/i.exec(digest ?? '');
  return m ? m[1].toLowerCase() : null;
}

/**
 * Remote assets whose checksum must be computed by downloading them: same name and size as a
 * local file but no digest (older GitHub Enterprise servers). A different size already proves a
 * difference, so those are never downloaded.
 */
export function assetsToHash(local: LocalAsset[], remote: RemoteAsset[]): RemoteAsset[] {
  return remote.filter((r) => {
    const l = local.find((a) => a.name === r.name);
    return l !== undefined && r.state === 'uploaded' && r.sha256 === null && r.size === l.size;
  });
}

export function diffAssets(local: LocalAsset[], remote: RemoteAsset[]): AssetAction[] {
  return local.map((l): AssetAction => {
    const r = remote.find((a) => a.name === l.name);
    if (!r) return { action: 'upload', local: l };
    if (r.state !== 'uploaded') return { action: 'replace', local: l, remote: r, reason: `an unfinished upload (state '${r.state}')` };
    if (r.size !== l.size) return { action: 'replace', local: l, remote: r, reason: `size ${r.size} differs from ${l.size}` };
    if (r.sha256 === null) return { action: 'replace', local: l, remote: r, reason: 'no checksum to compare' };
    if (r.sha256 !== l.sha256) return { action: 'replace', local: l, remote: r, reason: `sha256 ${r.sha256.slice(0, 12)}… differs` };
    return { action: 'keep', local: l, remote: r };
  });
}

/** The text of a `.sha256` file beside an archive, as `sha256sum` writes it. */
export function checksumLine(sha256: string, fileName: string): string {
  return `${sha256}  ${fileName}\n`;
}
