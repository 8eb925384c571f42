/**
 * Wasmtime's settings, written into nx.json by `nx g nx-release-train:init --preset=wasmtime`.
 * Pure configuration: the plugin's code knows no crate name; everything Wasmtime-specific
 * lives here.
 */
import type { ReleaseTrainOptions } from '../core/options';

export const wasmtimePreset: Partial<ReleaseTrainOptions> = {
  versionFiles: [
    {
      file: 'crates/c-api/include/wasmtime.h',
      patterns: [
        '#define WASMTIME_VERSION "{version}"',
        '#define WASMTIME_VERSION_MAJOR {major}',
        '#define WASMTIME_VERSION_MINOR {minor}',
        '#define WASMTIME_VERSION_PATCH {patch}',
      ],
    },
  ],
  releasesFile: 'RELEASES.md',
  releasesTemplate: 'ci/RELEASES-template.md',
  archiveLine: '* [{major}.{minor}.x](https://github.com/bytecodealliance/wasmtime/blob/release-{version}/RELEASES.md)',
  branchPattern: 'release-{version}',
  bumpBranchPattern: 'ci/bump-to-{version}',
  tagPattern: 'v{version}',
  bumpTitle: 'Bump Wasmtime to {version}',
  releaseTitle: 'Release Wasmtime {version}',
  marker: '[automatically-tag-and-release-this-commit]',
  // Required with caret in Wasmtime's [workspace.dependencies]; everything else first-party is `=`.
  publicCrates: [
    'wasmtime', 'wasmtime-wasi', 'wasmtime-wasi-io', 'wasmtime-wasi-http', 'wasmtime-wasi-nn',
    'wasmtime-wasi-config', 'wasmtime-wasi-keyvalue', 'wasmtime-wasi-threads', 'wasmtime-wasi-tls',
    'wasmtime-wizer', 'cranelift', 'cranelift-assembler-x64', 'cranelift-bforest', 'cranelift-bitset',
    'cranelift-codegen', 'cranelift-control', 'cranelift-entity', 'cranelift-frontend', 'cranelift-interpreter',
    'cranelift-jit', 'cranelift-module', 'cranelift-native', 'cranelift-object', 'cranelift-reader',
    'cranelift-srcgen',
  ],
  supportedLines: 2,
};

