/**
 * The root `release-artifacts` target (`nx release-artifacts`). Never cached: it builds from the
 * toolchain and talks to GitHub, neither of which Nx can hash.
 */
import type { TargetConfiguration } from '@nx/devkit';

export function artifactsTarget(): TargetConfiguration {
  return {
    executor: 'nx-release-train:release-artifacts',
    cache: false,
    options: {},
    metadata: { description: 'Build the release archives (CLI, C API) and create or update the GitHub release of the tag' },
  };
}
