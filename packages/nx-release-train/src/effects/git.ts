/**
 * Git, as the release commands need it. Commits are built with plumbing (a private index,
 * hash-object, commit-tree) and refs move in one `update-ref --stdin` transaction, so a run
 * that is killed leaves either the old or the new state: never a half-written tree.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ReleaseError } from '../core/release';
import { decodeUtf8, describeOffset } from '../core/utf8';
import { run, type RunResult } from './exec';
import { ObjectReader, type GitObject } from './git-objects';
import { parseStatus, type GitStatus } from './git-status';

export interface RefUpdate {
  ref: string;
  /** New object; null deletes. */
  to: string | null;
  /** Expected old value; null means "must not exist". */
  from: string | null;
}

/** Where git runs: asked once per Git (none of it changes while a command runs). */
export interface GitLayout {
  /** Inside a work tree (not a bare repository, not the .git directory). */
  inWorkTree: boolean;
  /** The directory git runs in, from the top of the work tree ('' at the top, else ending in '/'). */
  prefix: string;
  /** The index's lock file (absolute; worktree-aware). */
  indexLock: string;
}

export class Git {
  private layoutAnswer: Promise<GitLayout | null> | undefined;
  private reader: { objects: ObjectReader; users: number } | undefined;

  constructor(readonly cwd: string) {}

  async run(args: string[], opts: { input?: string; env?: Record<string, string>; reject?: boolean } = {}): Promise<RunResult> {
    return run('git', args, { cwd: this.cwd, ...opts });
  }

  async out(args: string[], input?: string): Promise<string> {
    return (await this.run(args, { input })).stdout.trim();
  }

  /** The layout, or null outside a repository; one `rev-parse` answers all of it. */
  layout(): Promise<GitLayout | null> {
    return (this.layoutAnswer ??= this.run(['rev-parse', '--is-inside-work-tree', '--show-prefix', '--git-path', 'index.lock'], { reject: false }).then((r) => {
      if (r.exitCode !== 0) return null;
      const lines = r.stdout.split('\n');
      // Three answers, one a line; a path holding a line break would shift them.
      if (lines.length !== 4 || lines[3] !== '')
        throw new ReleaseError(
          `git rev-parse gave ${lines.length - 1} lines for 3 questions in ${this.cwd}: ${JSON.stringify(r.stdout)}`,
          'run the command from a directory whose path holds no line break',
        );
      return { inWorkTree: lines[0] === 'true', prefix: lines[1], indexLock: resolve(this.cwd, lines[2]) };
    }));
  }

  async isRepo(): Promise<boolean> {
    return (await this.layout())?.inWorkTree === true;
  }

  /**
   * Runs `body` with one `git cat-file --batch` process answering every object read in it
   * (resolve, readFiles, commitMessage), ended when the last body sharing it ends. Outside,
   * each read starts its own.
   */
  async reading<T>(body: () => Promise<T>): Promise<T> {
    const reader = (this.reader ??= { objects: new ObjectReader(this.cwd), users: 0 });
    reader.users++;
    try {
      return await body();
    } finally {
      if (--reader.users === 0) {
        this.reader = undefined;
        await reader.objects.close();
      }
    }
  }

  private objects(names: string[]): Promise<Array<GitObject | null>> {
    return this.reader ? this.reader.objects.read(names) : this.reading(() => this.objects(names));
  }

  /** The checked-out branch, or null when HEAD is detached. */
  async currentBranch(): Promise<string | null> {
    const r = await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { reject: false });
    return r.exitCode === 0 ? r.stdout.trim() : null;
  }

  /** The commit `rev` names, or null. */
  async resolve(rev: string): Promise<string | null> {
    // A reflog or upstream that is not there (`x@{1}`, `@{u}`) stops cat-file with every read it
    // shares; rev-parse --verify --quiet answers null. Ref names cannot hold "@{".
    if (rev.includes('@{')) {
      const r = await this.run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { reject: false });
      return r.exitCode === 0 ? r.stdout.trim() : null;
    }
    return (await this.objects([`${rev}^{commit}`]))[0]?.oid ?? null;
  }

  /** True when `ancestor` is `rev` or one of its ancestors. */
  async isAncestor(ancestor: string, rev: string): Promise<boolean> {
    const r = await this.run(['merge-base', '--is-ancestor', ancestor, rev], { reject: false });
    if (r.exitCode > 1) throw new Error(`git merge-base --is-ancestor ${ancestor} ${rev} failed: ${r.stderr.trim()}`);
    return r.exitCode === 0;
  }

  /** What is checked out, HEAD's commit and the uncommitted changes (untracked files too), from one `git status`. */
  async status(): Promise<Omit<GitStatus, 'ambiguousBranch'>> {
    const { ambiguousBranch, ...status } = parseStatus((await this.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'])).stdout);
    return ambiguousBranch ? { ...status, branch: await this.currentBranch() } : status;
  }

  /** `git status` paths (tracked changes and untracked files). */
  async dirtyPaths(): Promise<string[]> {
    return (await this.status()).dirty;
  }

  /** Branch names under refs/heads and refs/remotes/<remote> matching a glob like `release-*`. */
  async branches(glob: string, remote = 'origin'): Promise<{ local: Map<string, string>; remote: Map<string, string> }> {
    const out = await this.out(['for-each-ref', '--format=%(refname) %(objectname)', `refs/heads/${glob}`, `refs/remotes/${remote}/${glob}`]);
    const local = new Map<string, string>();
    const remoteRefs = new Map<string, string>();
    for (const line of out.split('\n').filter(Boolean)) {
      const [ref, sha] = line.split(' ');
      if (ref.startsWith('refs/heads/')) local.set(ref.slice('refs/heads/'.length), sha);
      else remoteRefs.set(ref.slice(`refs/remotes/${remote}/`.length), sha);
    }
    return { local, remote: remoteRefs };
  }

  /** Every blob of `rev` with its mode (`120000`: a symbolic link, its blob holds the link text). */
  async listTree(rev: string): Promise<Array<{ path: string; mode: string }>> {
    const out = (await this.run(['ls-tree', '-r', '-z', rev])).stdout;
    return out
      .split('\0')
      .filter(Boolean)
      .map((entry) => {
        const tab = entry.indexOf('\t');
        return { path: entry.slice(tab + 1), mode: entry.slice(0, entry.indexOf(' ')) };
      });
  }

  async listFiles(rev: string): Promise<string[]> {
    return (await this.out(['ls-tree', '-r', '--name-only', '-z', rev])).split('\0').filter(Boolean);
  }

  /**
   * Reads many files of one revision in a single process; absent files are left out. Output is
   * taken as bytes (git's sizes count bytes); a file that is not UTF-8 is refused, naming the
   * file and the offset, because editing its decoded text would change bytes nobody edited.
   * `nonUtf8: 'skip'` leaves such a file out instead: for texts only looked at, never edited
   * (a symbolic link's target, which cannot name a directory of the tree if it is not UTF-8).
   */
  async readFiles(rev: string, paths: string[], nonUtf8: 'refuse' | 'skip' = 'refuse'): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (paths.length === 0) return out;
    const objects = await this.objects(paths.map((p) => `${rev}:${p}`));
    for (const [i, path] of paths.entries()) {
      const bytes = objects[i]?.bytes;
      if (bytes === undefined) continue;
      const decoded = decodeUtf8(bytes);
      if ('badOffset' in decoded) {
        if (nonUtf8 === 'skip') continue;
        throw new ReleaseError(
          `${path} at ${rev.slice(0, 12)} is not UTF-8 text: ${describeOffset(bytes, decoded.badOffset)}; the release edits it, so it was left alone`,
          `convert ${path} to UTF-8 (e.g. iconv -f latin1 -t utf-8), commit it, and run the command again`,
        );
      }
      out.set(path, decoded.text);
    }
    return out;
  }

  /** The message of commit `rev`, as `git log -1 --format=%B` prints it, trimmed. */
  async commitMessage(rev: string): Promise<string> {
    const commit = (await this.objects([`${rev}^{commit}`]))[0];
    const end = commit?.bytes.indexOf('\n\n') ?? -1;
    // git log re-encodes a message stored in another encoding (an `encoding` header): let it.
    if (!commit || end < 0 || /^encoding /m.test(commit.bytes.subarray(0, end).toString('utf8'))) return this.out(['log', '-1', '--format=%B', rev]);
    return commit.bytes
      .subarray(end + 2)
      .toString('utf8')
      .trim();
  }

  /**
   * Writes a commit whose tree is `parent`'s with `files` replaced, without touching the
   * index or the working tree. Returns the new commit's id. The files are written into a
   * scratch work tree and added to a private index read from `parent` in ONE `git add` (a
   * Wasmtime release edits ~120 files: a hash-object and an update-index per file cost two
   * processes each); `add` applies the same check-in filters `hash-object --path` does, with
   * the attributes of `parent`'s tree, and each file keeps its mode there (a link stays a link).
   */
  async commitFiles(parent: string, files: ReadonlyMap<string, string>, message: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'nrt-index-'));
    const work = join(dir, 'tree');
    mkdirSync(work);
    // Paths name files of the scratch tree from its top, whatever directory git runs in.
    const env: Record<string, string> = { GIT_INDEX_FILE: join(dir, 'index'), GIT_LITERAL_PATHSPECS: '1' };
    try {
      await this.run(['read-tree', parent], { env });
      const modes = await this.modes(parent, [...files.keys()]);
      for (const [path, text] of files) {
        const file = join(work, path);
        mkdirSync(dirname(file), { recursive: true });
        const mode = modes.get(path) ?? '100644';
        if (mode === '120000') symlinkSync(text, file);
        else {
          writeFileSync(file, text);
          chmodSync(file, mode === '100755' ? 0o755 : 0o644);
        }
      }
      if (files.size > 0)
        await this.run(['-c', 'core.fsmonitor=false', '--work-tree', work, 'add', '--force', '--pathspec-from-file=-', '--pathspec-file-nul'], {
          env,
          input: [...files.keys()].join('\0'),
        });
      const tree = (await this.run(['write-tree'], { env })).stdout.trim();
      return (await this.run(['commit-tree', tree, '-p', parent, '-F', '-'], { input: message })).stdout.trim();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private async modes(rev: string, paths: string[]): Promise<Map<string, string>> {
    const modes = new Map<string, string>();
    if (paths.length === 0) return modes;
    const out = await this.out(['ls-tree', '-z', rev, '--', ...paths]);
    for (const entry of out.split('\0').filter(Boolean)) {
      const [meta, path] = entry.split('\t');
      modes.set(path, meta.split(' ')[0]);
    }
    return modes;
  }

  /** Moves every ref at once, or none (each update checks the ref's expected old value). */
  async updateRefs(updates: RefUpdate[], reason: string): Promise<void> {
    const zero = '0'.repeat(40);
    const lines = ['start'];
    for (const u of updates) {
      if (u.to === null) lines.push(`delete ${u.ref} ${u.from ?? ''}`.trimEnd());
      else lines.push(`update ${u.ref} ${u.to} ${u.from ?? zero}`);
    }
    lines.push('prepare', 'commit');
    await this.run(['update-ref', '-m', reason, '--stdin'], { input: lines.join('\n') + '\n' });
  }

  /**
   * Brings the index and working tree from `from` to `to` (a two-tree merge): files that
   * did not change between them, and unrelated local edits, are left alone.
   */
  async moveWorktree(from: string, to: string): Promise<void> {
    await this.run(['read-tree', '-m', '-u', from, to]);
  }

  /**
   * Runs `body` in a temporary detached worktree at `commit`; the worktree is removed
   * afterwards, also when `body` fails.
   */
  async withWorktree<T>(commit: string, body: (dir: string) => Promise<T>): Promise<T> {
    const dir = mkdtempSync(join(tmpdir(), 'nrt-worktree-'));
    await this.run(['worktree', 'add', '--detach', '--quiet', dir, commit]);
    try {
      return await body(dir);
    } finally {
      await this.run(['worktree', 'remove', '--force', dir], { reject: false });
      rmSync(dir, { recursive: true, force: true });
      await this.run(['worktree', 'prune'], { reject: false });
    }
  }

  async push(remote: string, refspecs: string[]): Promise<void> {
    await this.run(['push', '--atomic', remote, ...refspecs]);
  }

  async tag(name: string, commit: string, message: string): Promise<void> {
    await this.run(['tag', '-a', name, commit, '-F', '-'], { input: message });
  }
}
