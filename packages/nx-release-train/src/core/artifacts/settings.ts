/**
 * The `artifacts` setting, filled from its defaults key by key: `resolveOptions` merges top-level
 * settings only, and a user who sets `artifacts.archives` should not lose `outputDir`.
 */
import { DEFAULT_OPTIONS, type ArtifactsOptions, type OptionProblem } from '../options';

type Kind = 'array' | 'object' | 'string' | 'nullable-string' | 'xz-level';

const KINDS: Record<keyof ArtifactsOptions, Kind> = {
  archives: 'array',
  features: 'object',
  buildEnv: 'object',
  platforms: 'object',
  targets: 'array',
  outputDir: 'string',
  compression: 'xz-level',
  repository: 'nullable-string',
  releaseName: 'string',
};

export function resolveArtifacts(raw: unknown): { artifacts: ArtifactsOptions; problems: OptionProblem[] } {
  const artifacts = structuredClone(DEFAULT_OPTIONS.artifacts) as unknown as Record<string, unknown>;
  const problems: OptionProblem[] = [];
  if (raw === undefined || raw === null) return { artifacts: artifacts as unknown as ArtifactsOptions, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ setting: 'artifacts', message: 'setting "artifacts" must be an object', fix: 'write "artifacts": { "archives": [...] }' });
    return { artifacts: artifacts as unknown as ArtifactsOptions, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const kind = KINDS[key as keyof ArtifactsOptions];
    if (!kind) {
      problems.push({ setting: `artifacts.${key}`, message: `unknown setting "artifacts.${key}"`, fix: `remove it; known: ${Object.keys(KINDS).join(', ')}` });
      continue;
    }
    if (!fits(value, kind)) {
      problems.push({ setting: `artifacts.${key}`, message: `setting "artifacts.${key}" is ${describe(value)}, expected ${kind === 'xz-level' ? 'an integer from 0 to 9' : kind.replace('-', ' ')}`, fix: `see the default: ${JSON.stringify(DEFAULT_OPTIONS.artifacts[key as keyof ArtifactsOptions])}` });
      continue;
    }
    artifacts[key] = value;
  }
  return { artifacts: artifacts as unknown as ArtifactsOptions, problems };
}

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (kind === 'nullable-string') return value === null || typeof value === 'string';
  if (kind === 'xz-level') return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 9;
  return typeof value === 'string';
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
