/**
 * Git's reads through one `git cat-file --batch` process (Git.reading, effects/git-objects.ts)
 * and its layout from one `rev-parse`: the same answers the one-process-per-question calls
 * gave (rev-parse --verify, log -1 --format=%B, cat-file per batch), against real git.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Git } from './git';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'nrt-git-reads-')));
const repo = join(dir, 'repo');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
const write = (path: string, text: string | Buffer) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};

/** Every git process started while `body` runs (a `git` first on PATH that logs, then runs git). */
async function gitProcesses(body: () => Promise<void>): Promise<string[]> {
  const bin = join(dir, 'bin');
  const log = join(dir, 'git.log');
  mkdirSync(bin, { recursive: true });
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  try {
    await body();
  } finally {
    process.env.PATH = path;
  }
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

let first: string;
let second: string;
beforeAll(() => {
  mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  write('Cargo.toml', '[workspace]\nmembers = ["crates/a"]\n');
  write('crates/a/Cargo.toml', '[package]\nname = "a"\nversion = "1.0.0"\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'first\n\nbody line\n');
  first = git('rev-parse', 'HEAD');
  write('crates/a/Cargo.toml', '[package]\nname = "a"\nversion = "2.0.0"\n');
  write('bytes.bin', Buffer.from([0, 10, 255, 10, 10, 1]));
  write('big.txt', 'x'.repeat(300_000) + '\n');
  git('add', '-A');
  // A message in another encoding: git log shows it re-encoded.
  execFileSync('git', ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-F', '-'], {
    cwd: repo,
    env,
    input: Buffer.from('Release caf\xe9\n', 'latin1'),
  });
  second = git('rev-parse', 'HEAD');
});

afterEach(() => {
  expect(process.env.PATH).not.toContain(dir);
});

describe('Git reads through one cat-file process', () => {
  it('answers as rev-parse, log and cat-file did, whatever the size or bytes of an object', async () => {
    const g = new Git(repo);
    expect(await g.resolve('HEAD')).toBe(second);
    expect(await g.resolve('HEAD^')).toBe(first);
    expect(await g.resolve(`${second.slice(0, 12)}`)).toBe(second);
    expect(await g.resolve('refs/remotes/origin/main')).toBeNull();
    expect(await g.resolve('HEAD:Cargo.toml')).toBeNull(); // a blob, not a commit
    expect(await g.commitMessage(first)).toBe(git('log', '-1', '--format=%B', first));
    expect(await g.commitMessage('HEAD')).toBe('Release café');
    const files = await g.readFiles('HEAD', ['crates/a/Cargo.toml', 'nope.toml', 'big.txt', 'Cargo.toml']);
    expect([...files.keys()]).toEqual(['crates/a/Cargo.toml', 'big.txt', 'Cargo.toml']);
    expect(files.get('big.txt')).toBe('x'.repeat(300_000) + '\n');
    expect((await g.readFiles(first, ['crates/a/Cargo.toml'])).get('crates/a/Cargo.toml')).toContain('1.0.0');
    await expect(g.readFiles('HEAD', ['bytes.bin'])).rejects.toThrow(/bytes\.bin at HEAD is not UTF-8 text/);
    expect(await g.readFiles('HEAD', ['bytes.bin', 'Cargo.toml'], 'skip')).toEqual(new Map([['Cargo.toml', git('show', 'HEAD:Cargo.toml') + '\n']]));
  });

  it('starts one process for every read inside `reading`, one per read outside it', async () => {
    const g = new Git(repo);
    const inside = await gitProcesses(() =>
      g.reading(async () => {
        const [head, files] = await Promise.all([g.resolve('HEAD'), g.readFiles('HEAD', ['Cargo.toml'])]);
        expect(head).toBe(second);
        expect(files.size).toBe(1);
        // Nested: the same process.
        await g.reading(async () => expect(await g.commitMessage(first)).toBe('first\n\nbody line'));
        // A reflog entry that is not there is null, and ends no read (cat-file would stop at it).
        expect(await g.resolve('refs/heads/main@{5}')).toBeNull();
        expect(await g.resolve('main@{0}')).toBe(second);
        expect(await g.readFiles(first, ['crates/a/Cargo.toml', 'big.txt'])).toHaveProperty('size', 1);
      }),
    );
    expect(inside).toEqual(['cat-file', 'rev-parse', 'rev-parse']);
    const outside = await gitProcesses(async () => {
      await g.resolve('HEAD');
      await g.commitMessage('HEAD');
    });
    expect(outside).toEqual(['cat-file', 'cat-file', 'log']); // the re-encoded message goes to git log
  });

  it('refuses a name holding a line break, and fails reads outside a repository instead of waiting', async () => {
    const g = new Git(repo);
    await expect(g.readFiles('HEAD', ['a\nb'])).rejects.toThrow(/holds a line break/);
    const outside = new Git(dir);
    await expect(outside.readFiles('HEAD', ['Cargo.toml'])).rejects.toThrow(/not a git repository/);
    await expect(outside.reading(() => outside.resolve('HEAD'))).rejects.toThrow(/not a git repository/);
  });
});

describe('Git.layout', () => {
  it('answers work tree, prefix and index lock in one rev-parse, from a subdirectory and a linked worktree', async () => {
    const sub = new Git(join(repo, 'crates/a'));
    expect(
      await gitProcesses(async () => expect(await sub.layout()).toEqual({ inWorkTree: true, prefix: 'crates/a/', indexLock: join(repo, '.git/index.lock') })),
    ).toEqual(['rev-parse']);
    expect(await sub.isRepo()).toBe(true);
    git('worktree', 'add', '-q', '--detach', join(dir, 'wt'), 'HEAD');
    expect(await new Git(join(dir, 'wt')).layout()).toEqual({ inWorkTree: true, prefix: '', indexLock: join(repo, '.git/worktrees/wt/index.lock') });
    expect(await new Git(join(repo, '.git')).isRepo()).toBe(false);
    expect(await new Git(dir).layout()).toBeNull();
  });
});

describe('Git.status', () => {
  it('names the branch, HEAD and every change (both names of a rename, untracked paths with spaces) in one git status', async () => {
    const g = new Git(repo);
    expect(await g.status()).toEqual({ branch: 'main', head: second, dirty: [] });
    git('mv', 'big.txt', 'moved big.txt');
    write('crates/a/Cargo.toml', 'changed\n');
    write('new dir/new file.txt', 'x\n');
    const status = await gitProcesses(async () =>
      expect(await g.status()).toEqual({ branch: 'main', head: second, dirty: ['crates/a/Cargo.toml', 'moved big.txt', 'big.txt', 'new dir/new file.txt'] }),
    );
    expect(status).toEqual(['status']);
    git('reset', '-q', '--hard');
    rmSync(join(repo, 'new dir'), { recursive: true });
    expect(await g.dirtyPaths()).toEqual([]);
  });

  it('tells a detached HEAD from a branch named "(detached)", and a branch with no commit yet', async () => {
    const g = new Git(repo);
    git('switch', '-q', '--detach', first);
    expect(await g.status()).toEqual({ branch: null, head: first, dirty: [] });
    git('switch', '-q', '-c', '(detached)');
    expect(await g.status()).toEqual({ branch: '(detached)', head: first, dirty: [] });
    git('switch', '-q', '--orphan', 'empty');
    expect(await g.status()).toMatchObject({ branch: 'empty', head: null });
    git('switch', '-q', '-f', 'main');
  });
});
