/**
 * Small helpers for writing settings: each setting is one schema entry carrying its default
 * and its documentation, so the validator, the inferred types, the defaults and the generated
 * reference (docs/options.md) all come from the same place.
 */
import { z } from 'zod';
import { isOwnerName } from '../github-repo';
import { relativePathProblem } from './path-rules';

export interface SettingDoc {
  /** What the setting does (one or two sentences; rendered in docs/options.md). */
  doc: string;
  /** How a wrong value is described in messages ("an integer from 0 to 9"); default: its type. */
  expected?: string;
}

/** A setting with a default: absent means the default. */
export function setting<T extends z.ZodType>(schema: T, fallback: z.output<T>, doc: SettingDoc) {
  return schema.default(fallback as never).meta({ description: doc.doc, expected: doc.expected });
}

/** A setting that may be left out (no default value). */
export function optional<T extends z.ZodType>(schema: T, doc: SettingDoc) {
  return schema.optional().meta({ description: doc.doc, expected: doc.expected });
}

/** A group of settings (an object whose own settings have defaults): absent means all defaults. */
export function group<T extends z.ZodRawShape>(shape: T, doc: SettingDoc) {
  return z
    .strictObject(shape)
    .prefault({} as never)
    .meta({ description: doc.doc, expected: doc.expected });
}

/** A field every item must have. */
export function required<T extends z.ZodType>(schema: T, doc: SettingDoc) {
  return schema.meta({ description: doc.doc, expected: doc.expected });
}

/** A problem found by a check beyond the type: the message (after the setting) and its fix. */
export function refuse(ctx: z.RefinementCtx, message: string, fix: string): void {
  ctx.addIssue({ code: 'custom', message, params: { fix } });
}

export const nonEmpty = z.string().min(1);

/** Text that becomes one line (of RELEASES.md, of a commit message): a line break would add lines nobody meant. */
export const oneLine = z.string().superRefine((v, ctx) => {
  if (/[\r\n]/.test(v)) refuse(ctx, `${JSON.stringify(v)} contains a line break`, 'write it on one line: it becomes one line of a file or commit message');
});
export const names = z.array(nonEmpty).min(1);

/** A GitHub repository `owner/name` (the one check, core/github-repo.ts). */
export const ownerName = nonEmpty.superRefine((v, ctx) => {
  if (!isOwnerName(v)) refuse(ctx, `"${v}" is not owner/name`, 'give the GitHub repository as owner/name, e.g. "bytecodealliance/wasmtime"');
});

/** A path relative to `root` (the workspace, a binding repository) that stays inside it (path-rules.ts). */
export function relativePath(root: string) {
  return z.string().superRefine((v, ctx) => {
    const why = relativePathProblem(v);
    if (why) refuse(ctx, `${JSON.stringify(v)} ${why}`, `give a path relative to ${root} that stays inside it`);
  });
}

/** A pattern that must carry at least one of `placeholders`. */
export function patternWith(placeholders: string[], example: string) {
  const shown = placeholders.map((p) => `{${p}}`);
  return z.string().superRefine((v, ctx) => {
    if (!placeholders.some((p) => v.includes(`{${p}}`))) {
      refuse(
        ctx,
        `"${v}" has no ${shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`}`,
        `add a placeholder where the version goes, e.g. "${example}"`,
      );
    }
  });
}
