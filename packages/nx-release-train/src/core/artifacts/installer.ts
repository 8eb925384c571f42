/**
 * Installers built beside the archives (setting `artifacts.builds[].installer`): which ones a run
 * makes, their file names, and the `wix build` arguments. Pure: `release-artifacts` builds them
 * (on Windows), `release-assets` expects them among the release's assets.
 */
import type { Diagnostic } from '../model';
import type { ArtifactsOptions } from '../settings/options';
import type { Installer } from './builds';
import { fillArtifactPattern } from './naming';
import { platformName } from './platform';

const SETTINGS_FILE = 'nx.json';

/**
 * The version Windows Installer takes: `major.minor.build`, numbers only (at most 255, 255 and
 * 65535). A pre-release or build suffix is dropped, as Wasmtime's release does: `46.0.0-rc.1`
 * installs as 46.0.0. Null when the numbers exceed what an MSI can hold.
 */
export function msiVersion(version: string): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!m) return null;
  const [major, minor, build] = m.slice(1).map(Number);
  return major <= 255 && minor <= 255 && build <= 65535 ? `${major}.${minor}.${build}` : null;
}

/** WiX's `-arch` for a Rust target's architecture; null for one Windows Installer has not. */
export function wixArch(triple: string): string | null {
  const arch = triple.split('-')[0];
  if (arch === 'x86_64') return 'x64';
  if (arch === 'aarch64') return 'arm64';
  if (/^i[3-6]86$/.test(arch)) return 'x86';
  return null;
}

export interface PlannedInstaller {
  triple: string;
  /** `<archive name>.msi` */
  file: string;
  /** The archive (its base name) whose files the installer holds. */
  archive: string;
  setting: Installer;
  /** `wix build` arguments, without the output path and the bind path (known on the host only). */
  args: string[];
  /** The numeric version, also set as the environment variable `versionVariable`. */
  version: string;
}

/** The installers of `triples` (the builds with an `installer`), or what is wrong with their settings. */
export function planInstallers(
  artifacts: ArtifactsOptions,
  triples: readonly string[],
  version: string,
  tag: string,
): { installers: PlannedInstaller[]; diagnostics: Diagnostic[] } {
  const installers: PlannedInstaller[] = [];
  const diagnostics: Diagnostic[] = [];
  artifacts.builds.forEach((b, i) => {
    const setting = b.installer;
    if (!setting || !triples.includes(b.target)) return;
    const at = `artifacts.builds[${i}].installer`;
    const error = (message: string, fix: string) => diagnostics.push({ level: 'error', file: SETTINGS_FILE, message: `${at}: ${message}`, fix });
    if (!artifacts.archives.some((a) => a.name === setting.archive)) {
      error(
        `"${setting.archive}" is not the name of an archive`,
        `use one of artifacts.archives[].name: ${artifacts.archives.map((a) => a.name).join(', ') || '(none)'}`,
      );
      return;
    }
    const arch = wixArch(b.target);
    const numeric = msiVersion(version);
    if (!/-windows(-|$)/.test(b.target) || !arch) {
      error(`an .msi installs on Windows only, and ${b.target} is not a Windows target WiX builds for`, 'remove the installer from this build');
      return;
    }
    if (!numeric) {
      error(
        `${version} has no Windows Installer version (major and minor at most 255, patch at most 65535)`,
        'remove the installer, or release a version an .msi can carry',
      );
      return;
    }
    const archive = fillArtifactPattern(setting.archive, { version, tag, platform: platformName(b.target, artifacts.platforms) });
    const variable = setting.versionVariable ?? 'Version';
    installers.push({
      triple: b.target,
      file: `${archive}.msi`,
      archive,
      setting,
      version: numeric,
      // No .wixpdb beside the .msi: only the installer is a release asset.
      args: [
        'build',
        '-arch',
        arch,
        '-pdbtype',
        'none',
        '-d',
        `${variable}=${numeric}`,
        ...(setting.extensions ?? []).flatMap((e) => ['-ext', e]),
        setting.source,
      ],
    });
  });
  return { installers, diagnostics };
}

/** The installer files a release of these targets carries (the names only: no settings check). */
export function expectedInstallers(artifacts: ArtifactsOptions, targets: readonly string[], version: string, tag: string): string[] {
  return artifacts.builds
    .filter((b) => b.installer && targets.includes(b.target))
    .map((b) => `${fillArtifactPattern(b.installer!.archive, { version, tag, platform: platformName(b.target, artifacts.platforms) })}.msi`);
}
