/**
 * The `bindings` settings (`nx release-bindings`): the binding repositories that follow a
 * release, and the typed edits that move each one to the new version. Part of the one options
 * schema (core/settings/schema.ts); the `wasmtime` preset fills it.
 */
import { z } from 'zod';
import { group, names, nonEmpty, optional, ownerName, patternWith, refuse, relativePath, required, setting } from '../settings/define';

const inRepository = relativePath('the binding repository');

const VERSION_PARTS = ['version', 'major', 'minor', 'patch'];

const rule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: required(z.literal('version-file'), { doc: 'The whole file is the version (`X.Y.Z`, trailing whitespace kept).' }),
    file: required(inRepository, { doc: 'Path relative to the repository root.' }),
  }),
  z.strictObject({
    kind: required(z.literal('pattern'), { doc: 'Text with placeholders, matching exactly one place in `file` (at any version); that place is rewritten.' }),
    file: required(inRepository, { doc: 'Path relative to the repository root.' }),
    pattern: required(patternWith(VERSION_PARTS, 'VERSION = "{version}"'), { doc: 'Text with {version} {major} {minor} {patch}.' }),
  }),
  z.strictObject({
    kind: required(z.literal('go-module'), {
      doc: "A Go module's major suffix: the `module` line of `goMod` and every occurrence of the module path with its `/vN` in the repository's text files, plus versions written right after it.",
    }),
    module: required(
      nonEmpty.superRefine((v, ctx) => {
        if (/\/v\d+$/.test(v)) refuse(ctx, `"${v}" ends in a major suffix`, `give the path without it: "${v.replace(/\/v\d+$/, '')}"`);
      }),
      { doc: 'The module path without `/vN`.' },
    ),
    goMod: optional(inRepository, { doc: 'The go.mod holding the `module` line (default `go.mod`).' }),
  }),
  z.strictObject({
    kind: required(z.literal('cargo-pins'), { doc: 'Exact `=X.Y.Z` requirements on the named crates in a Cargo manifest; other pins stay.' }),
    file: required(inRepository, { doc: 'The Cargo manifest, relative to the repository root.' }),
    crates: required(names, { doc: 'Crates whose pins move.', expected: 'a non-empty list of names' }),
  }),
  z.strictObject({
    kind: required(z.literal('lockfile'), { doc: 'Entries of the named packages in a lock file.' }),
    file: required(inRepository, { doc: 'The lock file, relative to the repository root.' }),
    format: required(z.literal('gemfile'), { doc: '`gemfile`: Gemfile.lock `name (X.Y.Z)`.' }),
    packages: required(names, { doc: 'Packages whose entries move.', expected: 'a non-empty list of names' }),
  }),
]);

const repo = z.strictObject({
  url: required(nonEmpty, { doc: 'Git URL or local path of the repository.', expected: 'a non-empty string' }),
  name: required(
    nonEmpty.superRefine((v, ctx) => {
      if (!/^[A-Za-z0-9._-]+$/.test(v)) refuse(ctx, `"${v}" has characters other than letters, digits, . _ -`, 'use a short name such as "py"');
    }),
    { doc: 'Short name, used by `--only` and in the summary table (e.g. `py`).', expected: 'a non-empty string' },
  ),
  github: optional(ownerName, { doc: '`owner/name` on GitHub for the pull request; default: read from a github.com `url`.' }),
  baseBranch: optional(nonEmpty, { doc: 'Branch the pull request targets. Default `main`.' }),
  branchPattern: optional(
    nonEmpty.superRefine((v, ctx) => {
      if (!v.includes('{version}') && !v.includes('{major}'))
        refuse(ctx, `"${v}" has no {version} or {major}`, 'name the branch after the version, e.g. "update-{version}"');
    }),
    { doc: 'Branch pushed for review; placeholders as in patterns. Default `bindings.branchPattern`.' },
  ),
  tagPattern: optional(nonEmpty, {
    doc: "The repository's own release tag (e.g. `{version}` or `v{version}`). When it exists on the remote, the repository has released this version and is left alone. Default `v{version}`.",
  }),
  rules: required(z.array(rule), { doc: 'Version edits; none (a tag-only repository) gives an empty commit to review and tag.', expected: 'a list' }),
  follows: optional(z.enum(['every', 'lts', 'manual']), {
    doc: 'How the repository follows the releases: `every` release (default), `lts` releases only (majors the setting `ltsEvery` marks), or `manual` (proposed only when named with `--only`). `release-bindings` says the gap from the version the rules read to the release first.',
  }),
});

/**
 * Two repositories with one name would make `--only` and the summary ambiguous. Runs even when
 * a repository has other problems (`when`), so every problem is reported in one go.
 */
const repos = z.array(repo).superRefine(
  (list, ctx) => {
    if (!Array.isArray(list)) return;
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (typeof r?.name !== 'string') return;
      if (seen.has(r.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${r.name}" names two binding repos`, params: { fix: 'give each repo its own name' } });
      seen.add(r.name);
    });
  },
  { when: () => true },
);

export const bindingsSchema = group(
  {
    repos: setting(repos, [], { doc: 'Binding repositories that follow a release (`nx release-bindings`), each with its typed edits.', expected: 'a list' }),
    branchPattern: setting(patternWith(['version'], 'release-train/update-{version}'), 'release-train/update-{version}', {
      doc: 'Default branch pattern of every repository.',
    }),
    title: setting(patternWith(['version'], 'Update to {version}'), 'Update to {version}', { doc: 'Commit message and pull request title.' }),
    maxMajorJump: setting(z.number().int().min(1), 2, {
      doc: 'Most majors one pull request moves a binding repository across (from the version its rules read); a longer jump is reported and proposed only with `--force`.',
      expected: 'a positive integer',
    }),
  },
  { doc: 'Binding repositories that follow a release (`nx release-bindings`).' },
);

export type BindingRule = z.output<typeof rule>;
export type BindingRepo = z.output<typeof repo>;
export type BindingsOptions = z.output<typeof bindingsSchema>;
