/**
 * Where a dependency comes from, as cargo says it in an upload (the rest of the metadata is
 * compared byte for byte with real `cargo publish` uploads in e2e/commands/publish-upload.test.ts,
 * where every dependency comes from crates.io's stand-in).
 */
import { describe, expect, it } from 'vitest';
import { CRATES_IO_INDEX, newCrateJson } from './new-crate';

const LOCAL = 'sparse+http://127.0.0.1:8765/index/';
const manifest = {
  package: { name: 'foo', version: '1.0.0' },
  dependencies: { a: '1', b: { version: '2', 'registry-index': LOCAL }, c: { version: '3', 'registry-index': 'sparse+https://other.example/index/' } },
};
const registries = (registryIndex: string | null) =>
  (JSON.parse(newCrateJson({ manifest, readme: null, registryIndex })) as { deps: Array<{ name: string; registry?: string }> }).deps.map((d) => [
    d.name,
    d.registry ?? 'here',
  ]);

describe('newCrateJson: dependency registries', () => {
  it('to an alternative registry: crates.io named, the same registry left out, another named by its index', () => {
    expect(registries(LOCAL)).toEqual([
      ['a', CRATES_IO_INDEX],
      ['b', 'here'],
      ['c', 'sparse+https://other.example/index/'],
    ]);
  });

  it('to crates.io: crates.io dependencies are "here"', () => {
    expect(registries(null)).toEqual([
      ['a', 'here'],
      ['b', LOCAL],
      ['c', 'sparse+https://other.example/index/'],
    ]);
  });

  it('refuses a dependency it cannot upload as cargo would', () => {
    const bindep = { package: { name: 'foo', version: '1.0.0' }, dependencies: { a: { version: '1', artifact: 'bin' } } };
    expect(() => newCrateJson({ manifest: bindep, readme: null, registryIndex: null })).toThrow(/dependencies.a: artifact dependencies/);
    const noVersion = { package: { name: 'foo', version: '1.0.0' }, 'build-dependencies': { a: { features: [] } } };
    expect(() => newCrateJson({ manifest: noVersion, readme: null, registryIndex: null })).toThrow(/build-dependencies.a: no version/);
  });
});
