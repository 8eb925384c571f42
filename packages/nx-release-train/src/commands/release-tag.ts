/**
 * `nx release-tag`: CI runs it after a green build. On a release branch whose HEAD is a
 * release commit (it carries the marker, or merges one), tag the workspace version, locally
 * and with `--push` on the remote: by `git push`, or (`--via=api`) as a ref created through
 * the GitHub API. On main likewise for a published pre-release (`0.8.0-alpha.1`) when the
 * setting `prereleasesFromMain` is on. Anywhere else say why no tag was made and succeed.
 */
import type { ReleaseTagFlags } from '../core/flags/release-tag';
import { fillPattern } from '../core/settings/options';
import { carriesMarker, ReleaseError, releaseBranches, subjectOf } from '../core/release';
import { lineVersionFix, lineVersionProblem } from '../core/release-line';
import { releaseVersionOf, stageOf } from '../core/version/prerelease';
import type { Git } from '../effects/git';
import { githubForPush } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import type { Services } from './services';
import { requireRepo } from './steps/repo-checks';
import { currentVersion, snapshot } from './steps/snapshot';
import { trainOf, type Train } from './steps/train';
import { resolveTrain, type TrainRequest, trainReads } from './train-request';

export interface TagResult {
  tag: string | null;
  reason: string;
}

export interface ReleaseTagRequest extends TrainRequest {
  /** The branch HEAD belongs to when it is detached (CI passes it through the environment). */
  branch?: string;
  /** How `--push` makes the remote tag. */
  via: 'git' | 'api';
}

export function resolveReleaseTag(input: CommandInput<ReleaseTagFlags>): ReleaseTagRequest {
  const { flags, options, env } = input;
  return { ...resolveTrain(flags, options, env), branch: flags.branch || undefined, via: flags.via };
}

export async function releaseTag(req: ReleaseTagRequest, services: Services): Promise<TagResult> {
  const ctx = trainOf(req, services);
  const git = ctx.git;
  await requireRepo(git);
  const gh = ctx.push && !ctx.dryRun && req.via === 'api' ? await githubForPush(req.github, git, req.options.remote) : null;
  // CI checks out a detached HEAD; it names the branch (e.g. GITHUB_REF_NAME) through --branch.
  const branch = req.branch ?? (await git.currentBranch());
  const [release] = branch ? releaseBranches([branch], ctx.options) : [];
  // Main publishes its own pre-releases only when the settings say so (alphas from main).
  const onMain = branch === ctx.options.mainBranch && ctx.options.prereleasesFromMain;
  if (!branch || (!release && !onMain)) {
    const mainOff = branch === ctx.options.mainBranch ? ', and setting "prereleasesFromMain" is off (main publishes no pre-release)' : '';
    return skip(ctx, `${branch ? `"${branch}"` : 'a detached HEAD'} is not a release branch (${ctx.options.branchPattern})${mainOff}`);
  }
  const head = (await git.resolve('HEAD'))!;
  if (req.branch) await requireOnBranch(ctx, git, head, req.branch);
  const version = currentVersion(await snapshot(git, head, ctx.options));
  const marked = await releaseCommit(ctx, git, head, fillPattern(ctx.options.releaseTitle, version));
  if (!marked.ok) return skip(ctx, marked.reason);
  if (release) {
    const mismatch = lineVersionProblem(release, version);
    if (mismatch) throw new ReleaseError(mismatch, lineVersionFix(release));
  }
  refuseUnreleasable(branch, version, ctx.options);
  if (!release) refuseOnMain(branch, version, ctx.options);
  const tag = fillPattern(ctx.options.tagPattern, version);
  const existing = await git.resolve(`refs/tags/${tag}`);
  if (existing && existing !== head) throw alreadyTagged(tag, existing, head);
  if (gh) {
    // The tag is made on GitHub only (a lightweight ref, as the API makes it); the jobs it
    // starts fetch it. A local annotated tag would differ from it and clash on the next fetch.
    const api = await services.github.tags({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
    const there = await api.find(tag);
    if (there === head) ctx.log.info(`${tag} already exists on ${gh.repository} at ${head.slice(0, 12)}: nothing to do`);
    else if (there) throw alreadyTagged(`${tag} on ${gh.repository}`, there, head);
    else {
      await api.create(tag, head);
      ctx.log.info(`tagged ${head.slice(0, 12)} on ${branch} as ${tag}${marked.reason}: created on ${gh.repository} through the GitHub API`);
    }
    return { tag, reason: 'tagged' };
  }
  if (existing === head) {
    ctx.log.info(`tag ${tag} already points at ${head.slice(0, 12)}`);
  } else if (ctx.dryRun) {
    ctx.log.info(`[dry run] would tag ${head.slice(0, 12)} on ${branch} as ${tag}`);
    return { tag, reason: 'dry run' };
  } else {
    await git.tag(tag, head, `${fillPattern(ctx.options.releaseTitle, version)}\n`);
    ctx.log.info(`tagged ${head.slice(0, 12)} on ${branch} as ${tag}${marked.reason}`);
  }
  if (ctx.push && !ctx.dryRun) {
    await git.push(ctx.options.remote, [`refs/tags/${tag}:refs/tags/${tag}`]);
    ctx.log.info(`pushed ${tag} to ${ctx.options.remote}`);
  }
  return { tag, reason: 'tagged' };
}

/**
 * HEAD is a release commit of `version`: it carries the marker and the release title (a squash
 * merge may add ` (#N)`), or it is the merge of such a commit (a merged pull request). A marker
 * alone (quoted in an ordinary commit) tags nothing.
 */
async function releaseCommit(ctx: Train, git: Git, head: string, title: string): Promise<{ ok: boolean; reason: string }> {
  const titled = (message: string) => {
    const subject = subjectOf(message);
    return subject === title || new RegExp(`^${escapeRegExp(title)} \\(#\\d+\\)$`).test(subject);
  };
  const message = await git.commitMessage(head);
  if (carriesMarker(message, ctx.options.marker)) {
    if (titled(message)) return { ok: true, reason: '' };
    return {
      ok: false,
      reason: `HEAD ${head.slice(0, 12)} carries ${ctx.options.marker} but its title is "${subjectOf(message)}", not "${title}" (setting "releaseTitle")`,
    };
  }
  const merged = await git.resolve(`${head}^2`);
  const mergedMessage = merged ? await git.commitMessage(merged) : '';
  if (merged && carriesMarker(mergedMessage, ctx.options.marker) && titled(mergedMessage)) {
    return { ok: true, reason: ` (it merges the release commit ${merged.slice(0, 12)})` };
  }
  return {
    ok: false,
    reason: `HEAD ${head.slice(0, 12)} ("${subjectOf(message)}") does not carry ${ctx.options.marker} with the title "${title}", nor merges a commit that does`,
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Only a final version or a release candidate is ever tagged (and so published): a
 * development version (`X.0.0-dev`) never is, and a pre-release shape the train does not know
 * is refused rather than guessed.
 */
function refuseUnreleasable(branch: string, version: string, options: Train['options']): void {
  const stage = stageOf(version, options);
  if (stage.kind === 'dev') {
    throw new ReleaseError(
      `${branch} is at ${version}, a development version (-${options.devSuffix}), which is never released; no tag was made`,
      `make the version to release first: a candidate with nx release-rc, or release day with nx release-latest`,
    );
  }
  if (stage.kind === 'unknown') {
    throw new ReleaseError(
      `${branch} is at ${version}, neither a release nor a release candidate (X.Y.Z-${options.candidateSuffix}.N) of this train; no tag was made`,
      `set the version on ${branch} to the release or candidate to tag (settings "devSuffix", "candidateSuffix" name the train's suffixes; "prereleaseIdentifiers" names published ones such as alpha)`,
    );
  }
}

/**
 * On main only a published pre-release (`X.Y.Z-<id>.N`, a word of prereleaseIdentifiers) is
 * tagged: candidates and releases are made on the release branch, which names their line.
 */
function refuseOnMain(branch: string, version: string, options: Train['options']): void {
  if (stageOf(version, options).kind === 'pre') return;
  throw new ReleaseError(
    `${branch} is at ${version}, which is not a pre-release of ${JSON.stringify(options.prereleaseIdentifiers)} (setting "prereleaseIdentifiers"); main publishes those only (setting "prereleasesFromMain"), so no tag was made`,
    `release ${releaseVersionOf(version)} from its release branch (nx release-major cuts it, nx release-latest releases it); a pre-release word main publishes (alpha, beta) goes in prereleaseIdentifiers`,
  );
}

/**
 * A branch named on the command line must really hold HEAD (locally or on the remote):
 * a name alone, e.g. from a fork's pull request, proves nothing.
 */
async function requireOnBranch(ctx: Train, git: Git, head: string, branch: string): Promise<void> {
  const refs = [`refs/heads/${branch}`, `refs/remotes/${ctx.options.remote}/${branch}`];
  for (const ref of refs) {
    const tip = await git.resolve(ref);
    if (tip && (await git.run(['merge-base', '--is-ancestor', head, tip], { reject: false })).exitCode === 0) return;
  }
  throw new ReleaseError(
    `HEAD ${head.slice(0, 12)} is not on ${branch} (looked at ${refs.join(' and ')}); no tag was made`,
    `check out a commit of ${branch} (CI: fetch-depth 0, so ${ctx.options.remote}/${branch} is known), or pass the branch HEAD is on`,
  );
}

function alreadyTagged(tag: string, at: string, head: string): ReleaseError {
  return new ReleaseError(
    `tag ${tag} already exists at ${at.slice(0, 12)}, not at HEAD ${head.slice(0, 12)}`,
    `a version is released once; bump the version (nx release-patch) instead of moving the tag`,
  );
}

function skip(ctx: Train, reason: string): TagResult {
  ctx.log.info(`no tag: ${reason}`);
  return { tag: null, reason };
}

export const releaseTagCommand: Command<ReleaseTagFlags, ReleaseTagRequest, TagResult> = {
  name: 'release-tag',
  resolve: resolveReleaseTag,
  env: ({ flags, options }) => trainReads('release-tag', flags, options),
  run: releaseTag,
};
