/** Reading files out of a `.crate`'s tar: short names, ustar prefixes and GNU long names. */
import { describe, expect, it } from 'vitest';
import { TAR_END, tarFiles, tarHeader, tarPadding } from './tar';

const file = (path: string, text: string) => {
  const data = Buffer.from(text);
  return Buffer.concat([tarHeader({ type: 'file', path, source: '', executable: false, size: data.length }, 0), data, tarPadding(data.length)]);
};

/** A GNU `L` entry (what cargo's tar writer puts before a member whose path is over 100 bytes). */
const gnuLong = (path: string, text: string) => {
  const name = Buffer.from(`${path}\0`);
  const header = tarHeader({ type: 'file', path: '././@LongLink', source: '', executable: false, size: name.length }, 0);
  header.write('L', 156, 1, 'ascii');
  return Buffer.concat([header, name, tarPadding(name.length), file(path.slice(0, 90), text)]);
};

describe('tarFiles', () => {
  it('returns the wanted regular files by their whole path', () => {
    const deep = `foo-1.0.0/${'d/'.repeat(60)}README.md`;
    const long = `foo-1.0.0/${'x'.repeat(120)}.md`;
    const tar = Buffer.concat([
      tarHeader({ type: 'dir', path: 'foo-1.0.0' }, 0),
      file('foo-1.0.0/Cargo.toml', '[package]\n'),
      file(deep, 'deep readme'),
      gnuLong(long, 'long readme'),
      file('foo-1.0.0/src/lib.rs', ''),
      TAR_END,
    ]);
    const got = tarFiles(tar, (p) => p !== 'foo-1.0.0/src/lib.rs');
    expect([...got].map(([p, b]) => [p, b.toString()])).toEqual([
      ['foo-1.0.0/Cargo.toml', '[package]\n'],
      [deep, 'deep readme'],
      [long, 'long readme'],
    ]);
  });
});
