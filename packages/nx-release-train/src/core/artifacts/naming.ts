/** Names of the release, its tag and its archives, from option patterns. Pure. */
import { fillPattern } from '../settings/pattern';
import { versionInName } from '../settings/pattern';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function isVersion(text: string): boolean {
  return SEMVER.test(text);
}

/** `{tag}` and `{platform}` on top of the version placeholders of `fillPattern`. */
export function fillArtifactPattern(pattern: string, values: { version: string; tag: string; platform?: string }): string {
  let out = fillPattern(pattern.replaceAll('{tag}', values.tag), values.version);
  if (values.platform !== undefined) out = out.replaceAll('{platform}', values.platform);
  return out;
}

export type ArchiveFormat = 'tar.xz' | 'zip';

/** As Wasmtime ships them: `.zip` for Windows targets (MSVC and MinGW), `.tar.xz` for the rest. */
export function archiveFormat(triple: string): ArchiveFormat {
  return /-windows(-|$)/.test(triple) ? 'zip' : 'tar.xz';
}

/** `wasmtime-v46.0.0-x86_64-windows` for `x86_64-pc-windows-msvc` -> `wasmtime-v46.0.0-x86_64-windows.zip`. */
export function archiveFileName(name: string, triple: string): string {
  return `${name}.${archiveFormat(triple)}`;
}

/** A version with a `-` suffix (`46.0.0-rc.1`) is published as a GitHub pre-release. */
export function isPrerelease(version: string): boolean {
  return version.split('+')[0].includes('-');
}

/**
 * The release versions named by `tags` (those pointing at HEAD) under `tagPattern`, e.g.
 * `v{version}`; tags of other shapes are ignored.
 */
export function versionsFromTags(tags: string[], tagPattern: string): string[] {
  return tags.map((t) => versionInName(tagPattern, t)).filter((v): v is string => v !== null && isVersion(v));
}

/** A safe file name for an archive: no separators, no leading dot, nothing a shell would mangle. */
export function isSafeFileName(name: string): boolean {
  return /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/.test(name) && !name.includes('..');
}
