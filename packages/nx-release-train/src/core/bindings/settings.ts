/** The `bindings` settings alone, checked by the one options schema (core/bindings/schema.ts). */
import type { OptionProblem } from '../settings/options';
import { validate } from '../settings/validate';
import { DEFAULT_BINDINGS, type BindingsOptions } from './rules';
import { bindingsSchema } from './schema';

export function resolveBindings(raw: unknown): { bindings: BindingsOptions; problems: OptionProblem[] } {
  if (raw === undefined || raw === null) return { bindings: structuredClone(DEFAULT_BINDINGS), problems: [] };
  const { value, problems } = validate(bindingsSchema, raw, undefined, ['bindings']);
  return { bindings: value, problems };
}
