/**
 * Settings of `nx release-bindings`: the binding repositories that follow a release, and the
 * typed edits that move each one to the new version. Pure data; the `wasmtime` preset fills it.
 */

import { repositoryFromUrl } from '../github-repo';
import { bindingsSchema, type BindingRepo, type BindingsOptions } from './schema';

export type { BindingRepo, BindingRule, BindingsOptions } from './schema';

export const DEFAULT_BINDINGS: BindingsOptions = bindingsSchema.parse({});

/** `owner/name` from `https://github.com/o/n(.git)`, `git@github.com:o/n(.git)` or `ssh://git@github.com/o/n`. */
export function githubRepoOf(url: string): string | null {
  return repositoryFromUrl(url, ['github.com']);
}

/** A repo with every default filled in. */
export interface ResolvedRepo extends Required<Omit<BindingRepo, 'github'>> {
  github: string | null;
}

export function resolveRepo(repo: BindingRepo, options: BindingsOptions): ResolvedRepo {
  return {
    name: repo.name,
    url: repo.url,
    github: repo.github ?? githubRepoOf(repo.url),
    baseBranch: repo.baseBranch ?? 'main',
    branchPattern: repo.branchPattern ?? options.branchPattern,
    tagPattern: repo.tagPattern ?? 'v{version}',
    rules: repo.rules,
    follows: repo.follows ?? 'every',
  };
}
