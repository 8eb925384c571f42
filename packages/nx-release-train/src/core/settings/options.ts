/**
 * Plugin options, as written in nx.json (`plugins: [{ plugin: 'nx-release-train', options }]`).
 * Every setting, its type, default and documentation live in one schema
 * (core/settings/schema.ts); this module gives the types inferred from it, the defaults, and
 * `resolveOptions`. Every executor reads the same options, so the `wasmtime` preset is pure
 * configuration: nothing in code knows a crate name.
 */
import type { z } from 'zod';
import { optionsSchema } from './schema';
import { validate, type SettingProblem } from './validate';
import { checkOptionValues } from './option-checks';
import { prereleaseSettingProblems } from '../version/prerelease';

export type { ArtifactArchive, ArtifactEntry, ArtifactsOptions, RegistryLimitsSetting, VersionFileRule, VersionLinesOptions } from './schema';

export type ReleaseTrainOptions = z.output<typeof optionsSchema>;

/** Every setting at its default (what an empty `options` gives). */
export const DEFAULT_OPTIONS: ReleaseTrainOptions = optionsSchema.parse({});

// Kept apart from the schema (as fillPattern is, in pattern.ts), so that a command refusing bad
// options loads neither zod nor the settings schema.
export { OptionsError } from './options-error';

export type OptionProblem = SettingProblem;

/**
 * Raw options (from nx.json) checked against the schema and filled with defaults. Unknown
 * settings are problems, not silently ignored, because a misspelt setting otherwise changes
 * nothing and nobody notices; a setting with a problem keeps its default.
 */
export function resolveOptions(raw: unknown, where = 'nx.json plugin options'): { options: ReleaseTrainOptions; problems: OptionProblem[] } {
  const { value, problems } = validate(optionsSchema, raw ?? {}, where);
  // Values that reach git or the file system are checked beyond their types.
  // A setting the schema refused keeps its default, so it is not reported twice.
  const refused = new Set(problems.map((p) => p.setting));
  problems.push(...[...checkOptionValues(value), ...prereleaseSettingProblems(value)].filter((p) => !refused.has(p.setting)));
  return { options: value, problems };
}
