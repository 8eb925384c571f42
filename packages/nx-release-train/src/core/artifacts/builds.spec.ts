import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../settings/options';

const problems = (builds: unknown) => resolveOptions({ artifacts: { builds } }).problems.map((p) => `${p.message} | ${p.fix}`);

describe('the artifact matrix setting (artifacts.builds)', () => {
  it('takes each kind of toolchain and a build environment', () => {
    const builds = [
      { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: { kind: 'container', image: 'quay.io/pypa/manylinux_2_28_x86_64' } },
      {
        target: 's390x-unknown-linux-gnu',
        runner: 'ubuntu-24.04',
        toolchain: { kind: 'cross', packages: ['gcc-s390x-linux-gnu'], linker: 's390x-linux-gnu-gcc' },
      },
      { target: 'aarch64-linux-android', runner: 'ubuntu-24.04', toolchain: { kind: 'android-ndk', api: 26 } },
      { target: 'x86_64-pc-windows-msvc', runner: 'windows-2025', toolchain: { kind: 'rustup' }, env: { RUSTFLAGS: '-Ctarget-feature=+crt-static' } },
    ];
    const { options, problems } = resolveOptions({ artifacts: { builds } });
    expect(problems).toEqual([]);
    expect(options.artifacts.builds).toEqual(builds);
  });

  it('defaults to one Linux build on the hosted runner', () => {
    expect(resolveOptions({}).options.artifacts.builds).toEqual([{ target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-latest' }]);
  });

  it('refuses what cannot go into a workflow, naming the setting and the fix', () => {
    const found = problems([
      { target: 'x86_64 linux', runner: 'ubuntu-24.04' },
      { target: 'i686-unknown-linux-gnu', runner: 'ubuntu-24.04', env: { RUSTFLAGS: '${{ secrets.X }}', 'bad-name': 'x' } },
      { target: 'i686-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: { kind: 'cross', packages: ['gcc; curl'], linker: 'x' } },
      { target: 'armv7-unknown-linux-gnueabihf', runner: 'ubuntu-24.04', toolchain: { kind: 'docker', image: 'x' } },
    ]);
    expect(found).toEqual([
      expect.stringContaining('setting "artifacts.builds[0].target" in nx.json plugin options "x86_64 linux" is not a Rust target triple'),
      expect.stringContaining('"RUSTFLAGS" is "${{ secrets.X }}", which has characters a workflow value must not'),
      expect.stringContaining('has "bad-name", not an environment variable name'),
      expect.stringContaining('"gcc; curl" is not an apt package name'),
      expect.stringContaining('setting "artifacts.builds[3].toolchain.kind"'),
    ]);
    const twice = { target: 'i686-unknown-linux-gnu', runner: 'ubuntu-24.04' };
    expect(problems([twice, twice])).toEqual([expect.stringContaining('lists i686-unknown-linux-gnu twice | keep one entry per target')]);
  });
});
