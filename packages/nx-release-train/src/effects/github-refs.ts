/**
 * Tags through the GitHub API: a ref on a commit GitHub already has. A tag made this way
 * starts tag-triggered workflows (when the token may), with no git credentials in the job.
 */
import { call, octokitFor } from './github';
import type { GitHubRepoTarget } from './github-pulls';

export interface TagsApi {
  /** The object `refs/tags/<tag>` points at on GitHub, or null. */
  find(tag: string): Promise<string | null>;
  create(tag: string, sha: string): Promise<void>;
}

export async function githubTags(target: GitHubRepoTarget): Promise<TagsApi> {
  const [owner, repo] = target.repository.split('/');
  const octokit = await octokitFor(target.token, target.baseUrl);
  return {
    async find(tag) {
      return call(`read the tag ${tag} of ${target.repository}`, () =>
        octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }).then(
          ({ data }) => data.object.sha,
          (err: { status?: number }) => {
            if (err.status === 404) return null;
            throw err;
          },
        ),
      );
    },
    async create(tag, sha) {
      await call(`create the tag ${tag} on ${sha.slice(0, 12)} in ${target.repository}`, () =>
        octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha }),
      );
    },
  };
}
