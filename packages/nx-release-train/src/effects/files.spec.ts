import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from './files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nrt-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file below `root`, relative, sorted. */
function listing(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listing(root, join(rel, e.name)) : [join(rel, e.name)]))
    .sort();
}

describe('writeFilesAtomic', () => {
  it('replaces existing files, makes missing directories, and leaves no temp file', async () => {
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a/Cargo.toml'), 'version = "1.0.0"\n');
    writeFileSync(join(dir, 'Cargo.lock'), 'old lock\n');
    const inode = statSync(join(dir, 'a/Cargo.toml')).ino;
    await writeFilesAtomic(
      dir,
      new Map([
        ['a/Cargo.toml', 'version = "2.0.0"\n'],
        ['Cargo.lock', 'new lock é\n'],
        ['new/deep/file.txt', 'made\n'],
      ]),
    );
    expect(readFileSync(join(dir, 'a/Cargo.toml'), 'utf8')).toBe('version = "2.0.0"\n');
    expect(readFileSync(join(dir, 'Cargo.lock'), 'utf8')).toBe('new lock é\n');
    expect(readFileSync(join(dir, 'new/deep/file.txt'), 'utf8')).toBe('made\n');
    // A new file renamed over the old one, never the old one truncated and rewritten.
    expect(statSync(join(dir, 'a/Cargo.toml')).ino).not.toBe(inode);
    expect(listing(dir)).toEqual(['Cargo.lock', 'a/Cargo.toml', 'new/deep/file.txt']);
  });

  it('finishes every other write, then throws the first failure in the order given', async () => {
    writeFileSync(join(dir, 'plain'), 'a file, not a directory\n');
    const files = new Map([
      ['one.txt', '1\n'],
      ['plain/under-a-file.txt', 'x\n'],
      ['two.txt', '2\n'],
      ['plain/again.txt', 'y\n'],
    ]);
    const error = await writeFilesAtomic(dir, files).then(
      () => null,
      (e: NodeJS.ErrnoException) => e,
    );
    expect(error?.code).toBe('ENOTDIR');
    expect(error?.path).toContain('under-a-file.txt');
    expect(readFileSync(join(dir, 'one.txt'), 'utf8')).toBe('1\n');
    expect(readFileSync(join(dir, 'two.txt'), 'utf8')).toBe('2\n');
    expect(listing(dir)).toEqual(['one.txt', 'plain', 'two.txt']);
  });
});

describe('writeFileAtomic', () => {
  it('writes one file through a temp file, making its directory', () => {
    writeFileAtomic(join(dir, 'sub/out.diff'), 'diff\n');
    writeFileAtomic(join(dir, 'sub/out.diff'), 'diff 2\n');
    expect(readFileSync(join(dir, 'sub/out.diff'), 'utf8')).toBe('diff 2\n');
    expect(listing(dir)).toEqual(['sub/out.diff']);
  });
});
