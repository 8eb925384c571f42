/**
 * `nx release publish` runs the `nx-release-publish` target of each crate: the plugin's publish
 * target (executors/publish) with Nx's release-only options set aside; npm options cargo has
 * no equivalent for are refused rather than ignored.
 */
import type { ExecutorContext } from '@nx/devkit';
import { FlagsError } from '../../core/flags/define';
import { NX_RELEASE_ONLY } from '../../core/flags/nx-release-publish';
import publishExecutor from '../publish/executor';

type Options = Record<string, unknown>;

/** The publish target's options: Nx's release-only ones removed, npm-only ones refused. */
export function publishOptionsOf(options: Options): Options {
  for (const npmOnly of ['tag', 'otp', 'access'])
    if (options[npmOnly] !== undefined)
      throw new FlagsError(`nx release publish --${npmOnly}: an npm option; cargo registries have no equivalent`, `leave out --${npmOnly}`);
  return Object.fromEntries(Object.entries(options).filter(([key]) => !NX_RELEASE_ONLY.includes(key)));
}

export default async function nxReleasePublishExecutor(options: Options, context: ExecutorContext): Promise<{ success: boolean }> {
  let own: Options;
  try {
    own = publishOptionsOf(options);
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n  fix: ${(e as FlagsError).fix}`);
    return { success: false };
  }
  return (publishExecutor as (o: Options, c: ExecutorContext) => Promise<{ success: boolean }>)(own, context);
}
