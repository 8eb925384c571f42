/**
 * Rust target triples -> the `<arch>-<os>` names Wasmtime's release archives carry, and the file
 * names cargo gives a crate's outputs on each target. Pure: the triple comes from `rustc -vV`.
 */

export type OutputKind = 'bin' | 'staticlib' | 'cdylib';

interface Triple {
  arch: string;
  /** Everything after the arch and vendor, e.g. `linux-gnu`, `darwin`, `windows-msvc`. */
  system: string;
}

function parseTriple(triple: string): Triple {
  const parts = triple.split('-');
  const arch = parts[0];
  // Two-part triples (`wasm32-wasip1`) have no vendor; the others put it second.
  const system = parts.length <= 2 ? parts.slice(1).join('-') : parts.slice(2).join('-');
  return { arch, system };
}

/**
 * The archive platform name: the names Wasmtime publishes (`x86_64-linux`, `aarch64-macos`,
 * `x86_64-windows`, `x86_64-mingw`, `x86_64-musl`, `aarch64-android`), else `<arch>-<os>`.
 * `overrides` (the `artifacts.platforms` option) wins.
 */
export function platformName(triple: string, overrides: Record<string, string> = {}): string {
  const named = overrides[triple];
  if (named) return named;
  const { arch, system } = parseTriple(triple);
  const os = system.split('-')[0];
  if (os === 'darwin') return `${arch}-macos`;
  if (os === 'windows') return system.includes('gnu') ? `${arch}-mingw` : `${arch}-windows`;
  if (os === 'linux') {
    if (system.includes('android')) return `${arch}-android`;
    if (system.includes('musl')) return `${arch}-musl`;
    return `${arch}-linux`;
  }
  return `${arch}-${os || 'unknown'}`;
}

/**
 * The files cargo writes for one output of a crate (`name` is the bin name, or the lib target
 * name as `cargo metadata` reports it, with `_`). Empty when the target cannot have it: musl
 * links statically and drops `cdylib`.
 */
export function outputFiles(triple: string, kind: OutputKind, name: string): string[] {
  const { system } = parseTriple(triple);
  const windows = system.startsWith('windows');
  const msvc = windows && system.includes('msvc');
  const apple = /^(darwin|ios|tvos|watchos|visionos)/.test(system);
  if (kind === 'bin') return [windows ? `${name}.exe` : name];
  if (kind === 'staticlib') return [msvc ? `${name}.lib` : `lib${name}.a`];
  if (windows) return msvc ? [`${name}.dll`, `${name}.dll.lib`] : [`${name}.dll`, `lib${name}.dll.a`];
  if (system.includes('musl')) return [];
  return [apple ? `lib${name}.dylib` : `lib${name}.so`];
}

/** `host: x86_64-unknown-linux-gnu` from `rustc -vV`, or null when the output lacks it. */
export function hostTripleFromRustc(verbose: string): string | null {
  const m = /^host:\s*(\S+)\s*$/m.exec(verbose);
  return m ? m[1] : null;
}
