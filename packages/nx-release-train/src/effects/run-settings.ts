/**
 * The settings a command runs with: the raw plugin options checked against the schema, then
 * against the workspace at `root` (core/settings/rules.ts). Refused with every problem listed
 * before the command does anything. The executors (executors/shared.ts) and the in-process
 * command tests take their settings from here, so both refuse the same way.
 */
import { OptionsError, resolveOptions, type ReleaseTrainOptions } from '../core/settings/options';
import { settingsErrors } from '../core/settings/rules';
import { workspaceModel } from './workspace-model';

export function runSettings(root: string, raw: unknown): ReleaseTrainOptions {
  const { options, problems } = resolveOptions(raw ?? {});
  if (problems.length > 0) throw new OptionsError(problems);
  // In memory only: a command's settings check must not leave files in the tree it releases.
  const contradictions = settingsErrors(options, workspaceModel(root, { useDisk: false }));
  if (contradictions.length > 0) throw new OptionsError(contradictions);
  return options;
}
