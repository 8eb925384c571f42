import { describe, expect, it } from 'vitest';
import { checkPreflight, formatPreflight, type PreflightCrate, type PreflightInput } from './upload-checks';

const MiB = 1024 * 1024;
const crate = (name: string, over: Partial<PreflightCrate> = {}): PreflightCrate => ({
  name,
  version: '5.0.0',
  manifest: `crates/${name}/Cargo.toml`,
  packaged: { file: `t/${name}.crate`, bytes: 1000, cksum: `sum-${name}` },
  index: [{ vers: '4.0.0', cksum: 'old' }],
  ...over,
});
const input = (crates: PreflightCrate[], over: Partial<PreflightInput> = {}): PreflightInput => ({
  crates,
  where: 'registry "local"',
  registryKey: 'local',
  maxCrateBytes: 10 * MiB,
  auth: { mode: 'token', variable: 'CARGO_REGISTRIES_LOCAL_TOKEN' },
  order: [],
  dryRun: false,
  devSuffix: 'dev',
  ...over,
});

describe('checkPreflight', () => {
  it('refuses a development version (-dev) before anything is uploaded, whatever the index says; a candidate passes', () => {
    const r = checkPreflight(input([crate('a', { version: '6.0.0-dev' }), crate('b', { version: '6.0.0-rc.1' })]));
    expect(r.problems).toEqual([
      {
        crate: 'a',
        message: 'a@6.0.0-dev is a development version (-dev), which is never published',
        fix: 'publish from a release tag (a candidate or a release made by nx release-rc, release-latest or release-patch), never from a -dev checkout',
      },
    ]);
    expect(r.upload).toEqual(['b']);
    expect(checkPreflight(input([crate('a', { version: '6.0.0-nightly' })], { devSuffix: 'nightly' })).problems).toHaveLength(1);
  });

  it('passes a release of existing crates and skips versions already there with the same checksum', () => {
    const r = checkPreflight(input([crate('a'), crate('b', { index: [{ vers: '5.0.0', cksum: 'sum-b' }] })]));
    expect(r).toMatchObject({ problems: [], upload: ['a'], present: ['b'], newCrates: [] });
    expect(formatPreflight(r)).toEqual(['preflight: 1 to upload, 1 already published; ok']);
  });

  it('lists every problem at once: size (both sizes), other content, new crate under trusted publishing, order', () => {
    const r = checkPreflight(
      input(
        [
          crate('big', { packaged: { file: 'big.crate', bytes: 11 * MiB, cksum: 'x' } }),
          crate('changed', { index: [{ vers: '5.0.0', cksum: 'published' }] }),
          crate('fresh', { index: [] }),
        ],
        {
          auth: { mode: 'trusted' },
          order: [{ level: 'error', file: 'a/Cargo.toml', line: 3, message: 'cycle between "a" and "b"', fix: 'remove the version' }],
        },
      ),
    );
    expect(r.problems.map((p) => p.crate)).toEqual([null, 'big', 'changed', 'fresh']);
    const text = formatPreflight(r).join('\n');
    expect(text).toContain('4 problems');
    expect(text).toContain('refused: a/Cargo.toml:3: cycle between "a" and "b". Fix: remove the version');
    expect(text).toContain(
      'big@5.0.0: its .crate is 11.0 MiB (11534336 bytes), over the 10.0 MiB (10485760 bytes) registry "local" accepts. Fix: leave files out of the package (`exclude`/`include` in crates/big/Cargo.toml), or, if the registry accepts larger crates, raise the setting maxCrateSize.local',
    );
    expect(text).toContain(
      'changed@5.0.0 is already in the registry with different content: the index has checksum published, the crate packaged from this checkout (t/changed.crate) has sum-changed',
    );
    expect(text).toContain('fresh does not exist on registry "local" yet, and trusted publishing cannot create a crate. Fix: publish fresh@5.0.0 once by hand');
  });

  it('allows a new crate with a token but lists it', () => {
    const r = checkPreflight(input([crate('fresh', { index: [] })]));
    expect(r.problems).toEqual([]);
    expect(r.newCrates).toEqual(['fresh']);
    expect(formatPreflight(r)).toContain('  note: new crates (first version on registry "local"; they use the registry\'s new-crate limit): fresh');
  });

  it('refuses an upload without any credentials, except in a dry run or when nothing is to upload', () => {
    const none = { mode: 'none', variable: 'CARGO_REGISTRY_TOKEN' } as const;
    expect(checkPreflight(input([crate('a')], { auth: none })).problems[0].message).toMatch(/no token to publish with: CARGO_REGISTRY_TOKEN is not set/);
    expect(checkPreflight(input([crate('a')], { auth: none, dryRun: true })).problems).toEqual([]);
    expect(checkPreflight(input([crate('a', { index: [{ vers: '5.0.0', cksum: 'sum-a' }] })], { auth: none })).problems).toEqual([]);
  });

  it('reports packaging failures and unreadable indexes; an offline plan checks nothing it cannot know', () => {
    const r = checkPreflight(input([crate('a', { packaged: { error: 'no license' } }), crate('b', { index: { error: 'HTTP 500' } })]));
    expect(r.problems.map((p) => p.message)).toEqual([
      'a@5.0.0 could not be packaged: no license',
      'cannot read b from the index of registry "local": HTTP 500',
    ]);
    const offline = checkPreflight(input([crate('a', { packaged: null, index: null })]));
    expect(offline).toMatchObject({ problems: [], upload: ['a'], newCrates: [] });
  });
});
