/**
 * What to do with each release asset, from the local files and what the release already holds.
 * Idempotence lives here: identical assets stay, missing ones are uploaded, a different one is
 * never replaced (a release's assets are written once: immutable releases refuse anything
 * else), and assets this run does not produce are left alone.
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
  | { action: 'keep'; local: LocalAsset; remote: RemoteAsset }
  /** An upload that never finished (GitHub's `state` is not `uploaded`): done again on a draft. */
  | { action: 'retry'; local: LocalAsset; remote: RemoteAsset }
  /** A finished asset with other bytes: never replaced, the run fails naming both digests. */
  | { action: 'differs'; local: LocalAsset; remote: RemoteAsset };

/** `sha256:<hex>` (GitHub's `digest`) to hex; null for other algorithms or none. */
export function sha256FromDigest(digest: string | null | undefined): string | null {
  const m = /^sha256:([0-9a-f]{64})$/i.exec(digest ?? '');
  return m ? m[1].toLowerCase() : null;
}

/**
 * Remote assets whose checksum must be computed by downloading them: finished assets this run
 * compares, with no digest (older GitHub Enterprise servers). With a digest, nothing is downloaded.
 */
export function assetsToHash(local: LocalAsset[], remote: RemoteAsset[]): RemoteAsset[] {
  return remote.filter((r) => r.state === 'uploaded' && r.sha256 === null && local.some((a) => a.name === r.name));
}

/** One action per local asset; remote assets this run does not produce (other files) are left alone. */
export function compareAssets(local: LocalAsset[], remote: RemoteAsset[]): AssetAction[] {
  return local.map((l): AssetAction => {
    const r = remote.find((a) => a.name === l.name);
    if (!r) return { action: 'upload', local: l };
    if (r.state !== 'uploaded') return { action: 'retry', local: l, remote: r };
    if (r.sha256 === l.sha256 && r.size === l.size) return { action: 'keep', local: l, remote: r };
    return { action: 'differs', local: l, remote: r };
  });
}

/** `name: the release has sha256:…, the local file is sha256:…`, for a refusal. */
export function differenceLine(a: { local: LocalAsset; remote: RemoteAsset }): string {
  const theirs = a.remote.sha256 ? `sha256:${a.remote.sha256}` : 'an unknown digest';
  return `${a.local.name}: the release has ${theirs} (${a.remote.size} bytes), the local file is sha256:${a.local.sha256} (${a.local.size} bytes)`;
}

/** The text of a `.sha256` file beside an archive, as `sha256sum` writes it. */
export function checksumLine(sha256: string, fileName: string): string {
  return `${sha256}  ${fileName}\n`;
}
