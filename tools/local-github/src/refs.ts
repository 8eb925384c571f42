/**
 * The git refs API on the repository's git directory: read, create (a tag made this way is
 * what starts a tag-triggered workflow on GitHub) and delete a ref.
 */
import { ApiError, notFound, parseJsonObject, validationFailed } from './http';
import { commitExists, refSha, run, updateRef } from './git';
import { type Context, type Route, repoOf } from './router';
import type { RepoState } from './state';

function gitDirOf(ctx: Context): { repo: RepoState; gitDir: string } {
  const repo = repoOf(ctx);
  if (!repo.gitDir) throw new ApiError(409, 'Git Repository is empty.');
  return { repo, gitDir: repo.gitDir };
}

function refJson(ctx: Context, repo: RepoState, ref: string, sha: string) {
  const api = `${ctx.origin}/repos/${repo.owner}/${repo.name}/git`;
  return { ref, node_id: `REF_${Buffer.from(ref).toString('base64')}`, url: `${api}/${ref}`, object: { sha, type: 'commit', url: `${api}/commits/${sha}` } };
}

/** GitHub's own rule: `refs/` and at least two slashes; git's rules for the rest. */
async function validRef(ref: string): Promise<boolean> {
  if (!/^refs\/[^/]+\/.+/.test(ref)) return false;
  return run('git', ['check-ref-format', ref]).then(
    () => true,
    () => false,
  );
}

export const refRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/git/ref/*ref',
    async handle(ctx) {
      const { repo, gitDir } = gitDirOf(ctx);
      const ref = `refs/${ctx.params.ref}`;
      const sha = await refSha(gitDir, ref);
      if (!sha) throw notFound();
      return { status: 200, body: refJson(ctx, repo, ref, sha) };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/git/refs',
    async handle(ctx) {
      const { repo, gitDir } = gitDirOf(ctx);
      const body = parseJsonObject(ctx.body);
      const { ref, sha } = body;
      if (typeof ref !== 'string' || !(await validRef(ref))) {
        throw new ApiError(422, "ref must start with 'refs' and have at least two slashes.");
      }
      if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha) || !(await commitExists(gitDir, sha))) throw new ApiError(422, 'Object does not exist');
      if (await refSha(gitDir, ref)) throw validationFailed({ resource: 'Reference', code: 'already_exists', message: 'Reference already exists' });
      await updateRef(gitDir, ref, sha, null);
      const json = refJson(ctx, repo, ref, sha);
      return { status: 201, body: json, headers: { location: json.url } };
    },
  },
  {
    method: 'DELETE',
    pattern: '/repos/:owner/:repo/git/refs/*ref',
    async handle(ctx) {
      const { gitDir } = gitDirOf(ctx);
      const ref = `refs/${ctx.params.ref}`;
      const sha = await refSha(gitDir, ref);
      if (!sha) throw new ApiError(422, 'Reference does not exist');
      await run('git', ['--git-dir', gitDir, 'update-ref', '-d', ref, sha]);
      return { status: 204 };
    },
  },
];
