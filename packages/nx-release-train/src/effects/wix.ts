/**
 * Windows installers with WiX (`wix build`, WiX v4 or later): the files of one archive are
 * copied into a staging directory, which is WiX's bind path, so the source names them as the
 * archive holds them. WiX runs on Windows only: elsewhere the run is refused before anything is
 * built (the generated workflow builds the .msi on its Windows runner).
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PlannedInstaller } from '../core/artifacts/installer';
import type { ArchiveFile } from '../core/artifacts/tar';
import { ReleaseError } from '../core/errors';
import { run } from './exec';

/** Null when this host can build the installers; otherwise what stands in the way. */
export async function wixProblem(installers: readonly PlannedInstaller[], platform: NodeJS.Platform = process.platform): Promise<string | null> {
  if (!installers.length) return null;
  const files = installers.map((i) => i.file).join(', ');
  if (platform !== 'win32') return `${files}: an .msi is built with WiX, which runs on Windows only, and this host is ${platform}; nothing was built`;
  const { exitCode } = await run('wix', ['--version'], { cwd: process.cwd(), reject: false });
  return exitCode === 0 ? null : `${files}: the 'wix' program (WiX v4 or later) is needed and was not found on PATH; nothing was built`;
}

export async function requireWix(installers: readonly PlannedInstaller[]): Promise<void> {
  const problem = await wixProblem(installers);
  if (problem)
    throw new ReleaseError(
      problem,
      "build this target on a Windows host with WiX (`dotnet tool install --global wix`, plus `wix extension add -g <extension>` for each of the installer's extensions): the generated workflow's job does; or leave the target out of --targets",
      { setting: 'artifacts.builds[].installer' },
    );
}

/** Builds one installer from its archive's files into `out` (appearing atomically). */
export async function buildMsi(
  root: string,
  installer: PlannedInstaller,
  files: readonly ArchiveFile[],
  out: string,
  log: (line: string) => void,
): Promise<void> {
  const stage = mkdtempSync(join(tmpdir(), 'release-msi-'));
  try {
    for (const f of files) {
      const to = join(stage, ...f.path.split('/'));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(f.source, to);
    }
    const partial = join(stage, installer.file);
    const variable = installer.setting.versionVariable ?? 'Version';
    await run('wix', [...installer.args, '-bindpath', stage, '-o', partial], { cwd: root, env: { [variable]: installer.version }, onLine: log });
    mkdirSync(dirname(out), { recursive: true });
    // Across volumes (a temp directory on another drive) a rename fails: copy beside, then rename.
    copyFileSync(partial, `${out}.partial`);
    renameSync(`${out}.partial`, out);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
