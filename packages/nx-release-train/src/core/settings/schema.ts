/**
 * The one schema of the plugin's options (nx.json `plugins: [{ plugin: 'nx-release-train',
 * options }]`). Each setting is one entry with its type, default and documentation: types are
 * inferred from it (options.ts), nx.json is checked against it when Nx builds the graph,
 * and docs/options.md is generated from it (`npm run docs:options`).
 *
 * Adding a setting: add one entry here (or in the feature's own schema, like bindings), then
 * run `npm run docs:options`.
 */
import { z } from 'zod';
import { buildsSetting, minimalSetting, reusableWorkflowSetting } from '../artifacts/builds';
import { bindingsSchema } from '../bindings/schema';
import { group, nonEmpty, oneLine, optional, ownerName, relativePath, required, setting } from './define';

const inWorkspace = relativePath('the workspace root');

const versionFile = z.strictObject({
  file: required(inWorkspace, { doc: 'Path relative to the workspace root.' }),
  patterns: required(z.array(nonEmpty), {
    doc: 'Line patterns with placeholders {version} {major} {minor} {patch}; each must match exactly one place in the file before the bump.',
  }),
});

const artifactEntry = z.union([
  z.strictObject({
    path: required(inWorkspace, { doc: "A workspace file or directory (a directory's contents go under `to`)." }),
    to: optional(z.string(), { doc: 'Directory inside the archive.' }),
  }),
  z.strictObject({
    crate: required(nonEmpty, { doc: 'A workspace crate whose build output goes into the archive (built by `nx release-artifacts`).' }),
    output: required(z.enum(['bin', 'staticlib', 'cdylib']), { doc: 'Which output of the crate.' }),
    name: optional(nonEmpty, { doc: 'The binary or library name, when the crate has several.' }),
    to: optional(z.string(), { doc: 'Directory inside the archive.' }),
  }),
]);

const artifactArchive = z.strictObject({
  name: required(nonEmpty, {
    doc: 'Archive base name (also its top directory), without extension. Placeholders: {tag} {version} {major} {minor} {patch} {platform} (`<arch>-<os>`, e.g. `x86_64-linux`).',
  }),
  entries: required(z.array(artifactEntry), { doc: 'What goes into the archive: workspace paths or crate build outputs.' }),
});

const stringMap = z.record(z.string(), z.string());

const artifactsSchema = group(
  {
    archives: setting(z.array(artifactArchive), [], { doc: 'The archives to build, package and attach to the GitHub release.', expected: 'array' }),
    features: setting(z.record(z.string(), z.array(z.string())), {}, { doc: 'Cargo features per crate for the release build.', expected: 'object' }),
    buildEnv: setting(stringMap, {}, { doc: 'Environment for the release build (e.g. CARGO_PROFILE_RELEASE_STRIP); never secrets.', expected: 'object' }),
    platforms: setting(stringMap, {}, { doc: '`<arch>-<os>` names by Rust target triple, over the built-in mapping.', expected: 'object' }),
    builds: buildsSetting,
    minimal: minimalSetting,
    reusableWorkflow: reusableWorkflowSetting,
    targets: setting(z.array(z.string()), [], { doc: 'Extra Rust targets built besides the host (`--targets` adds more).', expected: 'array' }),
    outputDir: setting(inWorkspace, 'dist', { doc: 'Where archives and `.sha256` files are written, relative to the root.' }),
    compression: setting(z.number().int().min(0).max(9), 9, {
      doc: "xz preset: 9 (smallest, as Wasmtime's releases) down to 0 (fastest, e.g. for rehearsals).",
      expected: 'an integer from 0 to 9',
    }),
    releaseName: setting(z.string(), '{tag}', { doc: 'GitHub release title; placeholders as in archive names, without {platform}.' }),
  },
  { doc: 'What `nx release-artifacts` builds and packages, and `nx release-assets` attaches to the GitHub release.' },
);

const rate = z
  .strictObject({
    burst: required(z.number().int().min(1), { doc: 'How many go at once before pacing starts.' }),
    interval: required(z.number().positive(), { doc: 'Seconds between two once the burst is used.' }),
  })
  .nullable();

const registryLimits = z.strictObject({
  newVersions: optional(rate, { doc: 'New versions of existing crates: `{ burst, interval }`, or null for no limit.' }),
  newCrates: optional(rate, { doc: 'Crates that do not exist yet: `{ burst, interval }`, or null for no limit.' }),
  publishSeconds: optional(z.number().nonnegative(), { doc: 'Seconds one upload takes.' }),
  indexSeconds: optional(z.number().nonnegative(), { doc: 'Seconds from an upload to its version showing in the index.' }),
});
const crateList = z.array(nonEmpty);

const versionLinesSchema = group(
  {
    followWorkspace: setting(crateList, [], {
      doc: 'Crates (names or `*` globs) with a literal version that move with the workspace line.',
      expected: 'array',
    }),
    fixed: setting(crateList, [], {
      doc: 'Crates (names or `*` globs) that never move, whatever their line (e.g. a crate on its own 0.110 line).',
      expected: 'array',
    }),
    movePrivate: setting(crateList, [], {
      doc: 'Private (`publish = false`) crates (names or `*` globs) with a literal version that move with their line too.',
      expected: 'array',
    }),
    groups: setting(
      z.record(z.string(), crateList),
      {},
      {
        doc: 'Extra lines: line name -> crates (names or `*` globs) that move together as one line; the crates must share a compatibility line.',
        expected: 'object',
      },
    ),
    follow: setting(crateList, [], {
      doc: 'Crates (names or `*` globs) whose lines move with every release, besides the release\'s own line (`["*"]`: every line). Any other line moves only when one of its crates changed (git, by path) since the release tag that carries its current version; a line no tag carries stays. The `wasmtime` preset: Cranelift\'s crates.',
      expected: 'array',
    }),
    bump: setting(
      z.record(z.string(), z.enum(['major', 'minor', 'patch'])),
      {},
      {
        doc: "On a cut (`release-major`, also with `--bump=minor`): crate (name or `*` glob) -> `major`, `minor` or `patch`, the step its line takes instead of the release's own (a `0.x` line moves its minor on `major`). Patch releases move every moving line by a patch.",
        expected: 'object',
      },
    ),
    release: setting(z.string(), '', {
      doc: 'A crate whose line names the release (branch, tag, titles) when there is no `[workspace.package] version` and several lines move; empty: the workspace line, else the only line.',
    }),
  },
  {
    doc: 'Groupings and exceptions of version lines (core/version/grouping.ts, line-moves.ts). By default crates inheriting the workspace version form the `workspace` line, publishable crates with a literal version group by their compatibility line (`46`, `0.19`), and private crates with a literal version never move. A release moves its own line (and literal crates on its compatibility line); any other line only when `follow` names it or it changed since its release tag.',
  },
);

export const optionsSchema = z.strictObject({
  versionFiles: setting(z.array(versionFile), [], { doc: 'Version files beyond Cargo manifests (the preset: the four wasmtime.h macros).', expected: 'array' }),
  releasesFile: setting(inWorkspace, 'RELEASES.md', { doc: 'Release notes file, relative to the root (absent file: the step is skipped).' }),
  releasesTemplate: setting(inWorkspace, 'ci/RELEASES-template.md', { doc: 'Template of a new top section; `VERSION` stands for the new version.' }),
  archiveLine: setting(oneLine, '* [{major}.{minor}.x](RELEASES.md)', { doc: 'Archive line added on a cut, newest first under `<!-- ARCHIVE_START -->`.' }),
  branchPattern: setting(z.string(), 'release-{version}', { doc: "Release branch name (version of the line's .0 release)." }),
  bumpBranchPattern: setting(z.string(), 'ci/bump-to-{version}', { doc: 'Branch a bump is pushed to for review.' }),
  tagPattern: setting(z.string(), 'v{version}', { doc: 'Release tag name.' }),
  bumpTitle: setting(oneLine, 'Bump version to {version}', { doc: "Title of main's commit on a cut." }),
  releaseTitle: setting(oneLine, 'Release {version}', { doc: 'Title of a release commit (release day, patch).' }),
  marker: setting(oneLine, '[automatically-tag-and-release-this-commit]', { doc: "Line in a release commit's message that asks CI to tag it." }),
  publicCrates: setting(z.array(z.string()), [], {
    doc: 'Crates meant for public use: required with caret; other first-party crates with `=`.',
    expected: 'array',
  }),
  supportedLines: setting(z.number().int().min(1), 2, {
    doc: 'How many of the newest release lines get patches.',
    expected: 'a whole number of 1 or more',
  }),
  ltsEvery: setting(z.number().int().min(0), 0, {
    doc: 'Long-term lines: every Nth major is kept for `ltsMonths` months (0 = none).',
    expected: 'a whole number of 0 or more',
  }),
  ltsMonths: setting(z.number().int().min(0), 0, { doc: 'How long a long-term line is supported, in months.', expected: 'a whole number of 0 or more' }),
  registry: setting(z.string().nullable(), null, { doc: "Cargo registry name from cargo's configuration; null means crates.io.", expected: 'string or null' }),
  mainBranch: setting(z.string(), 'main', { doc: 'The branch monthly majors are cut from.' }),
  remote: setting(z.string(), 'origin', { doc: 'The git remote `--push` pushes to and release branches are looked up on.' }),
  postVersionCommand: setting(z.array(z.string()), [], {
    doc: 'A command (argument array) run after versioning, in a temporary worktree of the new state, whose changes join the release commit (e.g. `cargo vet` for supply-chain/).',
    expected: 'array',
  }),
  artifacts: artifactsSchema,
  bindings: bindingsSchema,
  // Pull requests for the train's own commits (`--push`), and the GitHub repository.
  releaseReviewBranchPattern: setting(nonEmpty, 'ci/release-{version}', {
    doc: "Review branch of a release-day or patch commit, proposed against its release branch (Wasmtime's name).",
  }),
  rcReviewBranchPattern: setting(nonEmpty, 'ci/rc-{version}', { doc: "Review branch of a release candidate's commit (Wasmtime's name)." }),
  githubRepository: setting(ownerName.nullable(), null, {
    doc: "The GitHub repository `owner/name` every command that talks to GitHub uses (pull requests, tags, releases, assets), when neither `--repository` nor GITHUB_REPOSITORY names one; null: the push remote's GitHub URL.",
    expected: 'string or null',
  }),
  githubTokenEnv: setting(nonEmpty, 'GITHUB_TOKEN', {
    doc: "The environment variable holding the GitHub token of every command that talks to GitHub (`--push`, release tags through the API, releases, assets, binding pull requests); name another (e.g. `RELEASE_TOKEN`) when the pushes must start workflows, which GitHub's own job token does not.",
  }),
  githubApiUrl: setting(nonEmpty, 'https://api.github.com', {
    doc: 'The GitHub REST API of every command that talks to GitHub, when neither `--github-api-url` nor GITHUB_API_URL names one (GitHub Enterprise: `https://<host>/api/v3`).',
  }),
  // Publishing: trusted publishing, preflight, estimate, yanking.
  trustedTokenLifetime: setting(z.number().positive(), 1800, {
    doc: "Seconds a trusted-publishing token lives (crates.io's 30 minutes): `publish` mints a new one before that (a sixth earlier, at most 5 minutes).",
    expected: 'a positive number of seconds',
  }),
  maxCrateSize: setting(
    z.record(z.string(), z.number().int().positive()),
    {},
    {
      doc: "Largest `.crate` in bytes per registry name (`crates-io` for crates.io), checked before the first upload; a registry not listed gets crates.io's 10 MiB.",
      expected: 'object',
    },
  ),
  registryLimits: setting(
    z.record(z.string(), registryLimits),
    {},
    {
      doc: "Known limits per registry name for `publish-plan`'s estimate, over the built-in ones (crates.io's: 30 new versions then 1/min, 5 new crates then 1 per 10 min; other registries: none).",
      expected: 'object',
    },
  ),
  yankTokenVariable: setting(nonEmpty, 'CARGO_YANK_TOKEN', {
    doc: 'Environment variable `release-yank` reads its token from (a token with the yank scope; never a trusted-publishing token).',
  }),
  // Trusted publishing set up by `nx release-trust` and checked before the first upload;
  // the generated workflow (`nx g nx-release-train:ci-workflow`) is written from the same two names.
  releaseWorkflow: setting(z.string().regex(/^[A-Za-z0-9._-]+\.ya?ml$/), 'release-train.yml', {
    doc: 'File name of the generated release workflow under `.github/workflows` (`nx g nx-release-train:ci-workflow` writes it): the workflow crates.io trusts to publish (`nx release-trust` registers it; the publish preflight checks it).',
    expected: 'a file name ending in .yml or .yaml (letters, digits, _ . -)',
  }),
  publishEnvironment: setting(nonEmpty, 'publish', {
    doc: "GitHub deployment environment of the generated workflow's publish job, which crates.io's trusted-publishing config names (`nx release-trust` registers it; the publish preflight checks it).",
  }),
  trustTokenVariable: setting(nonEmpty, 'CARGO_TRUST_TOKEN', {
    doc: 'Environment variable holding a registry API token with the `trusted-publishing` scope: `nx release-trust` creates configs with it, and the publish preflight lists them (without it the check is skipped, said once). Never printed.',
  }),
  // Version lines, requirement policy, release notes (neutral without a preset).
  requirementPolicy: setting(z.enum(['none', 'public-caret']), 'none', {
    doc: 'Policy on first-party requirements: `none` (any requirement the current version satisfies is rewritten, nothing else said) or `public-caret` (crates in `publicCrates` required with caret, every other first-party crate with `=`; breaches are warnings). The `wasmtime` preset: `public-caret`.',
  }),
  requirementUpdates: setting(z.enum(['all', 'unsatisfied']), 'all', {
    doc: 'Which first-party requirements a bump rewrites: `all` (every requirement on a moving crate, as Wasmtime\'s `=` pins need) or `unsatisfied` (only those the new version does not satisfy: a caret `"0.7.4"` stays on a patch to 0.7.5, `=` pins always move). A precision written by hand (`"0.13"`) is kept either way. The `wasmtime` preset: `all`.',
  }),
  releaseNotes: setting(z.enum(['auto', 'edit', 'off']), 'auto', {
    doc: "How `releasesFile` is edited: `auto` (only when the file has the expected shape, sections separated by a line of 80 '-' and an archive mark; otherwise left alone, said once), `edit` (always; a file that does not fit is an error) or `off` (never touched). The `wasmtime` preset: `edit`.",
  }),
  versionLines: versionLinesSchema,
  // Pre-release versions (today's train, SPEC §1b; core/version/prerelease.ts).
  devSuffix: setting(z.string(), 'dev', {
    doc: "Suffix of the never-published version main carries in today's train (`49.0.0-dev`). A main at `X.0.0-<devSuffix>` runs today's train, a main at plain `X.0.0` the classic one. The `wasmtime` preset: `dev`.",
  }),
  candidates: setting(z.boolean(), false, {
    doc: 'Whether the cut of a `-<devSuffix>` main starts release candidates: the release branch gets `X.0.0-<candidateSuffix>.1` at once, `nx release-rc` makes the next ones. Without them the branch stays at `X.0.0-<devSuffix>` until release day. The `wasmtime` preset: true.',
  }),
  // `nx release-status`: the schedule it shows, and the issue `--issue` keeps current.
  schedule: group(
    {
      cutDay: setting(z.number().int().min(1).max(28), 5, {
        doc: 'Day of the month of the cut (`nx release-major`), as `release-status` shows it.',
        expected: 'an integer from 1 to 28',
      }),
      releaseDay: setting(z.number().int().min(1).max(28), 20, {
        doc: 'Day of the month of release day (`nx release-latest`), as `release-status` shows it.',
        expected: 'an integer from 1 to 28',
      }),
    },
    { doc: 'The monthly schedule of the train (Wasmtime: the cut on the 5th, release day on the 20th).' },
  ),
  statusIssue: group(
    {
      title: setting(nonEmpty, 'Release train status', { doc: 'Title of the issue `nx release-status --issue` keeps current.' }),
      label: setting(nonEmpty, 'release-train-status', {
        doc: 'The label that finds that issue (one open issue carries it; it is created once, then edited).',
      }),
    },
    { doc: 'The GitHub issue `nx release-status --issue` creates once and edits afterwards.' },
  ),
  candidateSuffix: setting(z.string(), 'rc', {
    doc: 'Pre-release name of candidates (`X.0.0-rc.N`), which `release-yank` yanks once superseded. The `wasmtime` preset: `rc`.',
  }),
  prereleaseIdentifiers: setting(z.array(z.string()), [], {
    doc: 'Numbered pre-release words published besides candidates, in semver order (e.g. `["alpha", "beta"]`): a version `X.Y.Z-alpha.N`, main included, counts up with `nx release-rc` (`-alpha.1` -> `-alpha.2`), is released on release day, and a cut moves main to `X+1.0.0-alpha.0`. Empty: only `-<devSuffix>` and `-<candidateSuffix>.N` are known, anything else is refused.',
    expected: 'array',
  }),
  cutBump: setting(z.enum(['major', 'minor']), 'major', {
    doc: "How far `nx release-major` (the monthly cut, the workflow's scheduled one included) moves the release's line when `--bump` is not given: `major` (X.Y.Z -> X+1.0.0) or `minor` (1.256.0 -> 1.257.0, for a workspace that releases minors of a line >= 1.0; 0.x lines move their minor either way). Each minor release gets its own branch and is its own line for `release-patch` (`--target=1.256.x`), as the branch names show.",
  }),
  prereleasesFromMain: setting(z.boolean(), false, {
    doc: "Whether main publishes its pre-releases (`0.8.0-alpha.1`, a word of `prereleaseIdentifiers`): `nx release-tag` tags a release commit of such a version on main (title and marker, as on a release branch), and the generated workflow's tag job runs after green CI runs of main too. Nothing else is tagged on main: a `-<devSuffix>` version never is, anywhere.",
  }),
});

export type OptionsSchema = typeof optionsSchema;
export type VersionFileRule = z.output<typeof versionFile>;
export type ArtifactEntry = z.output<typeof artifactEntry>;
export type ArtifactArchive = z.output<typeof artifactArchive>;
export type ArtifactsOptions = z.output<typeof artifactsSchema>;
export type RegistryLimitsSetting = z.output<typeof registryLimits>;
export type VersionLinesOptions = z.output<typeof versionLinesSchema>;
