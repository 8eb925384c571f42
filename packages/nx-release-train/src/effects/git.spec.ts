/**
 * Git.commitFiles writes all edited files in one `git add` into a private index: what it must
 * keep from the one-process-per-file way it replaced (modes, links, check-in attributes, names
 * git would read as patterns) and that the checkout is never touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Git } from './git';

const dir = mkdtempSync(join(tmpdir(), 'nrt-git-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();

describe('Git.commitFiles', () => {
  it("replaces the files in the parent's tree, keeping modes, links and attributes; the checkout stays as it was", async () => {
    git('init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'crates/a'), { recursive: true });
    writeFileSync(join(dir, '.gitattributes'), '*.md text eol=lf\n');
    writeFileSync(join(dir, 'crates/a/Cargo.toml'), 'version = "1.0.0"\n');
    writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, '[x]*.toml'), 'a\n');
    symlinkSync('crates/a', join(dir, 'link'));
    git('add', '-A');
    git('commit', '-qm', 'parent');
    const parent = git('rev-parse', 'HEAD');
    const status = git('status', '--porcelain');

    const files = new Map([
      ['crates/a/Cargo.toml', 'version = "2.0.0"\n'],
      ['run.sh', '#!/bin/sh\necho 2\n'],
      ['[x]*.toml', 'b\n'],
      ['link', 'crates/b'],
      ['NOTES.md', 'one\r\ntwo\r\n'],
      ['new/deep/file.txt', 'new\n'],
    ]);
    const commit = await new Git(dir).commitFiles(parent, files, 'edit\n');

    expect(git('rev-parse', `${commit}^`)).toBe(parent);
    expect(git('log', '-1', '--format=%B', commit)).toBe('edit');
    const tree = git('ls-tree', '-r', commit)
      .split('\n')
      .map((l) => l.replace(/ [0-9a-f]{40}\t/, ' '));
    expect(tree).toEqual([
      '100644 blob .gitattributes',
      '100644 blob NOTES.md',
      '100644 blob [x]*.toml',
      '100644 blob crates/a/Cargo.toml',
      '120000 blob link',
      '100644 blob new/deep/file.txt',
      '100755 blob run.sh',
    ]);
    for (const [path, text] of files) expect(git('show', `${commit}:${path}`)).toBe(path === 'NOTES.md' ? 'one\ntwo' : text.trim());
    expect(git('rev-parse', 'HEAD')).toBe(parent);
    expect(git('status', '--porcelain')).toBe(status);
    expect(readFileSync(join(dir, 'crates/a/Cargo.toml'), 'utf8')).toBe('version = "1.0.0"\n');

    // Run from a directory below the top (a workspace inside a larger repository): paths still name the tree's files.
    const fromBelow = await new Git(join(dir, 'crates')).commitFiles(parent, new Map([['crates/a/Cargo.toml', 'v3\n']]), 'below\n');
    expect(git('show', `${fromBelow}:crates/a/Cargo.toml`)).toBe('v3');
    expect(git('diff', '--name-only', parent, fromBelow)).toBe('crates/a/Cargo.toml');
  });
});
