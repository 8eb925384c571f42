import { describe, expect, it } from 'vitest';
import { linkedCrateFiles } from './tree-links';

const paths = ['Cargo.toml', 'vendor/real/Cargo.toml', 'vendor/real/src/lib.rs', 'docs/README.md', 'crates/linked', 'crates/out', 'crates/abs', 'crates/docs'];

describe('links to crate directories', () => {
  it('files of a linked crate directory are seen through the link', () => {
    const links = new Map([['crates/linked', '../vendor/real']]);
    expect([...linkedCrateFiles(paths, links)]).toEqual([
      ['crates/linked/Cargo.toml', 'vendor/real/Cargo.toml'],
      ['crates/linked/src/lib.rs', 'vendor/real/src/lib.rs'],
    ]);
  });

  it('links out of the tree, absolute links, links to the root and to non-crate directories are not followed', () => {
    const links = new Map([
      ['crates/out', '../../../elsewhere'],
      ['crates/abs', '/etc'],
      ['crates/docs', '../docs'],
      ['crates/up', '..'],
    ]);
    expect([...linkedCrateFiles(paths, links)]).toEqual([]);
  });
});
