import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveToolProblem, collectFiles, sha256File, writeTarXz } from './archive';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nrt-archive-'));
  const ws = join(dir, 'ws');
  mkdirSync(join(ws, 'include/sub'), { recursive: true });
  mkdirSync(join(ws, 'target/x/release'), { recursive: true });
  writeFileSync(join(ws, 'LICENSE'), 'license text\n');
  writeFileSync(join(ws, 'include/a.h'), '#define A 1\n');
  writeFileSync(join(ws, 'include/sub/b.h'), '#define B 2\n');
  writeFileSync(join(ws, 'target/x/release/tool'), Buffer.alloc(70_000, 7));
  chmodSync(join(ws, 'target/x/release/tool'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('archive effects', () => {
  it('finds xz on this machine', async () => {
    expect(await archiveToolProblem()).toBeNull();
  });

  it('collects files, walking directories, and reports what is missing', () => {
    const ws = join(dir, 'ws');
    const { files, missing } = collectFiles(ws, join(ws, 'target'), [
      { kind: 'path', path: 'LICENSE', to: '.' },
      { kind: 'path', path: 'include', to: 'include' },
      { kind: 'output', path: 'x/release/tool', to: 'bin' },
      // A minimal twin's binary, renamed in the archive.
      { kind: 'output', path: 'x/release/tool', to: 'bin', as: 'tool-min' },
      { kind: 'path', path: 'README.md', to: '.' },
      { kind: 'output', path: 'x/release/libx.so', to: 'lib' },
    ]);
    expect(files.map((f) => [f.path, f.executable])).toEqual([
      ['LICENSE', false],
      ['include/a.h', false],
      ['include/sub/b.h', false],
      ['bin/tool', true],
      ['bin/tool-min', true],
    ]);
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatch(/'README.md' does not exist/);
    expect(missing[1]).toMatch(/libx.so' does not exist after the build/);
  });

  it('writes a tar.xz that the system tar reads, with modes kept, identical on a rewrite', async () => {
    const ws = join(dir, 'ws');
    const { files } = collectFiles(ws, join(ws, 'target'), [
      { kind: 'path', path: 'include', to: 'include' },
      { kind: 'output', path: 'x/release/tool', to: '.' },
    ]);
    const out = join(dir, 'dist/pkg-v1.0.0-x86_64-linux.tar.xz');
    await writeTarXz(out, 'pkg-v1.0.0-x86_64-linux', files, 1_700_000_000);
    const first = await sha256File(out);
    await writeTarXz(out, 'pkg-v1.0.0-x86_64-linux', files, 1_700_000_000);
    expect(await sha256File(out)).toBe(first);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['pkg-v1.0.0-x86_64-linux.tar.xz']);

    const listing = execFileSync('tar', ['-tJf', out], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual([
      'pkg-v1.0.0-x86_64-linux/',
      'pkg-v1.0.0-x86_64-linux/include/',
      'pkg-v1.0.0-x86_64-linux/include/a.h',
      'pkg-v1.0.0-x86_64-linux/include/sub/',
      'pkg-v1.0.0-x86_64-linux/include/sub/b.h',
      'pkg-v1.0.0-x86_64-linux/tool',
    ]);
    const unpack = join(dir, 'unpack');
    mkdirSync(unpack);
    execFileSync('tar', ['-xJf', out, '-C', unpack]);
    const top = join(unpack, 'pkg-v1.0.0-x86_64-linux');
    expect(readFileSync(join(top, 'include/sub/b.h'), 'utf8')).toBe('#define B 2\n');
    expect(readFileSync(join(top, 'tool')).equals(Buffer.alloc(70_000, 7))).toBe(true);
    expect(statSync(join(top, 'tool')).mode & 0o777).toBe(0o755);
    expect(statSync(join(top, 'include/a.h')).mode & 0o777).toBe(0o644);
    expect(Math.floor(statSync(join(top, 'tool')).mtimeMs / 1000)).toBe(1_700_000_000);
  });

  it('leaves no file behind when two sources claim one path', async () => {
    const out = join(dir, 'dist2/bad.tar.xz');
    const f = { path: 'a', source: join(dir, 'ws/LICENSE'), executable: false, size: 13 };
    await expect(writeTarXz(out, 'bad', [f, f], 0)).rejects.toThrow(/would come from both/);
    expect(() => readdirSync(join(dir, 'dist2'))).toThrow();
  });
});
