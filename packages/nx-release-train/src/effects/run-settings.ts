/**
 * The settings a command runs with: the raw plugin options checked against the schema, then
 * against the workspace at `root` (core/settings/rules.ts). Refused with every problem listed
 * before the command does anything. The executors (executors/shared.ts) and the in-process
 * command tests take their settings from here, so both refuse the same way.
 *
 * Both checks start from what the graph computed in this Nx run for the same input (the
 * checked options and the workspace model, keyed by the options, the plugin build and every
 * manifest's text), so a command loads neither zod's settings schema nor parses a manifest
 * twice; it only reads those caches: a command leaves no file in the tree it releases.
 */
import { OptionsError } from '../core/settings/options-error';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { settingsErrors } from '../core/settings/rules';
import { resolvedOptions } from './resolved-options';
import { workspaceModel } from './workspace-model';

export async function runSettings(root: string, raw: unknown): Promise<ReleaseTrainOptions> {
  const { options, problems } = await resolvedOptions(root, raw ?? {}, 'read-only');
  if (problems.length > 0) throw new OptionsError(problems);
  const contradictions = settingsErrors(options, workspaceModel(root, { disk: 'read-only' }));
  if (contradictions.length > 0) throw new OptionsError(contradictions);
  return options;
}
