import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BindingClone } from './binding-clone';

const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.invalid',
};
const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();

// A binding repository with an in-repo link (VERSION -> version.txt) and links to host files.
let dir: string;
let bare: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nrt-clone-links-'));
  writeFileSync(join(dir, 'host-secret'), 'WASMTIME_VERSION = "v1.0.0" and a secret\n');
  const work = join(dir, 'work');
  mkdirSync(join(work, 'ci'), { recursive: true });
  writeFileSync(join(work, 'version.txt'), '1.0.0\n');
  symlinkSync('version.txt', join(work, 'VERSION'));
  symlinkSync(join(dir, 'host-secret'), join(work, 'ci', 'download.py'));
  symlinkSync('../../host-secret', join(work, 'leak.txt'));
  git(work, ['init', '-q', '-b', 'main']);
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', 'init']);
  bare = join(dir, 'remote.git');
  git(dir, ['clone', '-q', '--bare', work, bare]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('symbolic links in a binding clone', () => {
  it('a link out of the repository reads as absent; an in-repo link reads as its target', async () => {
    const clone = await BindingClone.clone(bare, 'main', undefined, 'https://github.com');
    try {
      const files = await clone.files();
      expect(files.read('ci/download.py')).toBeUndefined();
      expect(files.read('leak.txt')).toBeUndefined();
      expect(files.read('VERSION')).toBe('1.0.0\n');
      expect(clone.targetOf('VERSION')).toBe('version.txt');
      expect(clone.targetOf('leak.txt')).toBe('leak.txt');
    } finally {
      await clone.remove();
    }
  });

  it('an edit through VERSION -> version.txt changes the target and keeps the link', async () => {
    const clone = await BindingClone.clone(bare, 'main', undefined, 'https://github.com');
    try {
      await clone.files();
      const commit = await clone.commit(await clone.head(), new Map([['VERSION', '2.0.0\n']]), 'Update');
      const tree = git(clone.dir, ['ls-tree', commit, 'VERSION', 'version.txt']);
      expect(tree).toMatch(/^120000 blob \S+\tVERSION$/m);
      expect(git(clone.dir, ['show', `${commit}:VERSION`])).toBe('version.txt');
      expect(git(clone.dir, ['show', `${commit}:version.txt`])).toBe('2.0.0');
    } finally {
      await clone.remove();
    }
  });
});
