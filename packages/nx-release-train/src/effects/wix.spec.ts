import { describe, expect, it } from 'vitest';
import { planInstallers } from '../core/artifacts/installer';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { wasmtimePreset } from '../presets/wasmtime';
import { wixProblem } from './wix';

describe('wixProblem', () => {
  const artifacts = { ...DEFAULT_OPTIONS.artifacts, ...wasmtimePreset.artifacts };
  const { installers } = planInstallers(artifacts, ['x86_64-pc-windows-msvc'], '46.0.0', 'v46.0.0');

  it('refuses an .msi off Windows, naming it (WiX runs on Windows only), and nothing when no installer is due', async () => {
    expect(await wixProblem(installers, 'linux')).toBe(
      'wasmtime-v46.0.0-x86_64-windows.msi: an .msi is built with WiX, which runs on Windows only, and this host is linux; nothing was built',
    );
    expect(await wixProblem([], 'linux')).toBeNull();
  });
});
