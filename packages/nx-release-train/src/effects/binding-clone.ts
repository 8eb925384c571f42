/**
 * A binding repository checked out for one release: a shallow clone of its base branch in a
 * temporary directory, the remote's branch and tag, a commit built with plumbing, and a push
 * guarded by --force-with-lease. The token reaches git only through the environment (a
 * credential helper reading a variable), never through arguments or URLs.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { RepoFiles } from '../core/bindings/rule-context';
import { insecureRemoteProblem } from '../core/bindings/git-host';
import { ReleaseError } from '../core/errors';
import { CommandError, run } from './exec';
import { gitEnvironment, redact } from './git-credentials';
import { Git } from './git';

/** Files larger than this are no source text worth scanning (vendored libraries, archives). */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export interface CommitInfo {
  tree: string;
  parents: string[];
  message: string;
}

/** A local path (not `scheme://` nor scp-like `host:path`), cloned with --no-local so --depth applies. */
function isLocalPath(url: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !/^[^/]+:/.test(url);
}

export class BindingClone {
  /** In-repository symbolic links (path -> tracked target), filled by `files()`. */
  private readonly links = new Map<string, string>();

  private constructor(
    readonly dir: string,
    private readonly git: Git,
    private readonly env: Record<string, string>,
    private readonly token: string | undefined,
  ) {}

  /** `host`: the GitHub host (`scheme://host[:port]`) the token belongs to. */
  static async clone(url: string, baseBranch: string, token: string | undefined, host: string): Promise<BindingClone> {
    const insecure = token ? insecureRemoteProblem(url) : null;
    if (insecure)
      throw new ReleaseError(
        `refused to clone: ${redact(insecure, token)}; GITHUB_TOKEN is set, and git would offer it there`,
        'use an https:// (or ssh) URL for the repository',
      );
    const parent = mkdtempSync(join(tmpdir(), 'nrt-binding-'));
    const dir = join(parent, 'repo');
    const env = gitEnvironment(token, host);
    const args = ['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', '--branch', baseBranch];
    if (isLocalPath(url)) args.push('--no-local');
    try {
      await run('git', [...args, '--', url, dir], { cwd: parent, env });
    } catch (err) {
      rmSync(parent, { recursive: true, force: true });
      throw cloneError(err, token);
    }
    const clone = new BindingClone(dir, new Git(dir), env, token);
    await clone.ensureIdentity();
    return clone;
  }

  async remove(): Promise<void> {
    rmSync(join(this.dir, '..'), { recursive: true, force: true });
  }

  private async git_(args: string[], input?: string): Promise<string> {
    try {
      return (await this.git.run(args, { env: this.env, input })).stdout.trim();
    } catch (err) {
      if (err instanceof CommandError)
        throw new ReleaseError(redact(err.message, this.token), 'check the repository, its branches and that GITHUB_TOKEN may push there, then rerun');
      throw err;
    }
  }

  /** CI machines often have no git identity; the commit then names the tool. */
  private async ensureIdentity(): Promise<void> {
    const known = await this.git.run(['var', 'GIT_COMMITTER_IDENT'], { reject: false, env: this.env });
    if (known.exitCode === 0) return;
    await this.git_(['config', 'user.name', 'nx-release-train']);
    await this.git_(['config', 'user.email', 'nx-release-train@users.noreply.github.com']);
  }

  async head(): Promise<string> {
    return this.git_(['rev-parse', 'HEAD']);
  }

  /** The remote's commit on `branch` (null: none), and whether `tag` exists there. */
  async remoteRefs(branch: string, tag: string): Promise<{ branch: string | null; tag: boolean }> {
    const out = await this.git_(['ls-remote', 'origin', `refs/heads/${branch}`, `refs/tags/${tag}`]);
    let sha: string | null = null;
    let hasTag = false;
    for (const line of out.split('\n').filter(Boolean)) {
      const [id, ref] = line.split('\t');
      if (ref === `refs/heads/${branch}`) sha = id;
      if (ref === `refs/tags/${tag}`) hasTag = true;
    }
    return { branch: sha, tag: hasTag };
  }

  /**
   * The tracked text files of the checkout, read lazily (binary and non-UTF-8 files read as
   * absent). A symbolic link reads as the tracked file it points to inside the repository
   * (and an edit to it goes to that file, see `targetOf`); a link leading anywhere else reads
   * as absent, so no host file is ever shown in a diff or pushed.
   */
  async files(): Promise<RepoFiles> {
    const staged = (await this.git_(['ls-files', '-s', '-z'])).split('\0').filter(Boolean);
    const paths: string[] = [];
    const links = new Set<string>();
    for (const entry of staged) {
      const [meta, path] = entry.split('\t');
      paths.push(path);
      if (meta.startsWith('120000 ')) links.add(path);
    }
    const regular = new Set(paths.filter((p) => !links.has(p)));
    const root = realpathSync(this.dir);
    this.links.clear();
    for (const link of links) {
      const target = linkTarget(root, join(this.dir, link));
      if (target !== null && regular.has(target)) this.links.set(link, target);
    }
    const cache = new Map<string, string | undefined>();
    const read = (path: string): string | undefined => {
      if (!cache.has(path)) {
        const real = links.has(path) ? this.links.get(path) : regular.has(path) ? path : undefined;
        cache.set(path, real === undefined ? undefined : readText(join(this.dir, real)));
      }
      return cache.get(path);
    };
    return { paths, read };
  }

  /** The file an edit of `path` goes to: the target of an in-repository link, else `path`. */
  targetOf(path: string): string {
    return this.links.get(path) ?? path;
  }

  /** A commit of `parent` with `files` replaced (no files: an empty commit); a link's edit goes to its target. */
  async commit(parent: string, files: ReadonlyMap<string, string>, message: string): Promise<string> {
    const resolved = new Map([...files].map(([path, text]) => [this.targetOf(path), text]));
    try {
      return await this.git.commitFiles(parent, resolved, message);
    } catch (err) {
      throw new ReleaseError(redact((err as Error).message, this.token), 'check the repository, its branches and that GITHUB_TOKEN may push there, then rerun');
    }
  }

  /** Fetches the remote branch's tip and describes it, to tell whether a push would change it. */
  async describeRemote(branch: string): Promise<CommitInfo> {
    await this.git_(['fetch', '--quiet', '--depth', '1', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
    return this.describe(`refs/remotes/origin/${branch}`);
  }

  async describe(rev: string): Promise<CommitInfo> {
    // cat-file shows parent lines even at a shallow boundary, where rev-parse ^ cannot go.
    const raw = await this.git_(['cat-file', 'commit', rev]);
    const [header, ...body] = raw.split('\n\n');
    const fields = header.split('\n').map((l) => l.split(' '));
    return {
      tree: fields.find((f) => f[0] === 'tree')?.[1] ?? '',
      parents: fields.filter((f) => f[0] === 'parent').map((f) => f[1]),
      message: body.join('\n\n').trim(),
    };
  }

  /** Sets the remote branch to `commit`, only if it is still at `expected` (null: absent). */
  async push(commit: string, branch: string, expected: string | null): Promise<void> {
    await this.git_(['push', '--quiet', `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`, 'origin', `${commit}:refs/heads/${branch}`]);
  }
}

/** The repository path a link resolves to (through any chain), or null when it leaves `root`. */
function linkTarget(root: string, link: string): string | null {
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return null; // dangling
  }
  const rel = relative(root, real);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : rel.split(sep).join('/');
}

function readText(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_TEXT_BYTES) return undefined;
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8000).includes(0)) return undefined;
    const text = bytes.toString('utf8');
    // A file that is not UTF-8 would be damaged by writing back its decoded text.
    return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
  } catch {
    return undefined; // a symlink to nowhere, a submodule directory
  }
}

function cloneError(err: unknown, token: string | undefined): ReleaseError {
  const detail = err instanceof CommandError ? err.result.stderr.trim() || err.message : (err as Error).message;
  return new ReleaseError(
    `git clone failed: ${redact(detail, token)}`,
    'check the url and baseBranch of the repository in bindings.repos, and that it is reachable',
  );
}
