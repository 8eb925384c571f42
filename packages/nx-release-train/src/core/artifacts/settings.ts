/** The `artifacts` settings alone, checked by the one options schema (core/settings/schema.ts). */
import { DEFAULT_OPTIONS, type ArtifactsOptions, type OptionProblem } from '../settings/options';
import { optionsSchema } from '../settings/schema';
import { validate } from '../settings/validate';

export function resolveArtifacts(raw: unknown): { artifacts: ArtifactsOptions; problems: OptionProblem[] } {
  if (raw === undefined || raw === null) return { artifacts: structuredClone(DEFAULT_OPTIONS.artifacts), problems: [] };
  const { value, problems } = validate(optionsSchema.shape.artifacts, raw, undefined, ['artifacts']);
  return { artifacts: value, problems };
}
