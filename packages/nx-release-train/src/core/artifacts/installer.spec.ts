import { describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../presets/wasmtime';
import { DEFAULT_OPTIONS } from '../settings/options';
import { optionsSchema } from '../settings/schema';
import { buildTargets } from './builds';
import { expectedAssets } from './expected';
import { msiVersion, planInstallers, wixArch } from './installer';

const wasmtime = { ...DEFAULT_OPTIONS.artifacts, ...wasmtimePreset.artifacts };
const all = buildTargets(wasmtime.builds);

describe('msiVersion', () => {
  it('keeps major.minor.patch and drops a pre-release or build suffix, as WiX wants numbers only', () => {
    expect(msiVersion('46.0.1')).toBe('46.0.1');
    expect(msiVersion('46.0.0-rc.1')).toBe('46.0.0');
    expect(msiVersion('47.0.0-dev')).toBe('47.0.0');
    expect(msiVersion('46.0.1+build.7')).toBe('46.0.1');
  });

  it('has none for numbers an MSI cannot hold (major and minor up to 255, patch up to 65535)', () => {
    expect(msiVersion('255.255.65535')).toBe('255.255.65535');
    expect(msiVersion('256.0.0')).toBeNull();
    expect(msiVersion('1.256.0')).toBeNull();
    expect(msiVersion('1.0.65536')).toBeNull();
    expect(msiVersion('not-a-version')).toBeNull();
  });
});

describe('wixArch', () => {
  it("gives WiX's -arch for the Windows architectures, none for the others", () => {
    expect(['x86_64-pc-windows-msvc', 'i686-pc-windows-msvc', 'aarch64-pc-windows-msvc', 'riscv64gc-unknown-linux-gnu'].map(wixArch)).toEqual([
      'x64',
      'x86',
      'arm64',
      null,
    ]);
  });
});

describe('planInstallers', () => {
  it("plans the wasmtime preset's one .msi, for x86_64-windows only, named after its CLI archive", () => {
    const { installers, diagnostics } = planInstallers(wasmtime, all, '46.0.0-rc.1', 'v46.0.0-rc.1');
    expect(diagnostics).toEqual([]);
    expect(installers.map((i) => [i.triple, i.file, i.archive, i.version])).toEqual([
      ['x86_64-pc-windows-msvc', 'wasmtime-v46.0.0-rc.1-x86_64-windows.msi', 'wasmtime-v46.0.0-rc.1-x86_64-windows', '46.0.0'],
    ]);
    expect(installers[0].args).toEqual([
      'build',
      '-arch',
      'x64',
      '-pdbtype',
      'none',
      '-d',
      'WT_VERSION=46.0.0',
      '-ext',
      'WixToolset.Util.wixext',
      'ci/wasmtime.wxs',
    ]);
    // A run that builds other targets makes no installer.
    expect(planInstallers(wasmtime, ['x86_64-unknown-linux-gnu', 'x86_64-pc-windows-gnu'], '46.0.0', 'v46.0.0').installers).toEqual([]);
  });

  it('refuses an installer naming no archive, one on a non-Windows target, and a version an MSI cannot carry', () => {
    const msi = { kind: 'msi' as const, source: 'ci/x.wxs', archive: 'x-{tag}-{platform}' };
    const artifacts = optionsSchema.parse({
      artifacts: {
        archives: [{ name: 'x-{tag}-{platform}', entries: [{ path: 'LICENSE' }] }],
        builds: [
          { target: 'x86_64-pc-windows-msvc', runner: 'windows-2025', installer: { ...msi, archive: 'y-{tag}' } },
          { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-24.04', installer: msi },
          { target: 'i686-pc-windows-msvc', runner: 'windows-2025', installer: msi },
        ],
      },
    }).artifacts;
    const targets = buildTargets(artifacts.builds);
    expect(planInstallers(artifacts, targets, '1.0.0', 'v1.0.0').diagnostics.map((d) => [d.message, d.fix])).toEqual([
      ['artifacts.builds[0].installer: "y-{tag}" is not the name of an archive', 'use one of artifacts.archives[].name: x-{tag}-{platform}'],
      [
        'artifacts.builds[1].installer: an .msi installs on Windows only, and x86_64-unknown-linux-gnu is not a Windows target WiX builds for',
        'remove the installer from this build',
      ],
    ]);
    expect(planInstallers(artifacts, ['i686-pc-windows-msvc'], '300.0.0', 'v300.0.0').diagnostics.map((d) => d.message)).toEqual([
      'artifacts.builds[2].installer: 300.0.0 has no Windows Installer version (major and minor at most 255, patch at most 65535)',
    ]);
  });

  it('refuses an installer source that is not a .wxs in the workspace, naming the setting', () => {
    const parsed = optionsSchema.safeParse({
      artifacts: { builds: [{ target: 'x86_64-pc-windows-msvc', runner: 'windows-2025', installer: { kind: 'msi', source: '../x.wxs', archive: 'a' } }] },
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('is not a .wxs file in the workspace');
  });
});

describe('expectedAssets', () => {
  it("expects the .msi among a release's assets only with the build that has the installer", () => {
    const assets = expectedAssets(wasmtime, all, '46.0.0', 'v46.0.0');
    expect(assets).toHaveLength(16 * 2 + 1);
    expect(assets.filter((a) => a.endsWith('.msi'))).toEqual(['wasmtime-v46.0.0-x86_64-windows.msi']);
    expect(expectedAssets(wasmtime, ['x86_64-pc-windows-gnu'], '46.0.0', 'v46.0.0')).toEqual([
      'wasmtime-v46.0.0-x86_64-mingw.zip',
      'wasmtime-v46.0.0-x86_64-mingw-c-api.zip',
    ]);
  });
});
