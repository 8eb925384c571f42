/**
 * What a command may touch outside the process, injected: git, cargo, the workspace model,
 * GitHub, the registry, output and time. `realServices` (executors/services.ts) builds the real
 * ones; command tests build the same with a captured log and a fixed clock.
 */
import type { Logger } from '../core/log';
import type { Workspace } from '../core/model';
import type { Clock } from '../effects/clock';
import type { Cargo } from '../effects/cargo';
import type { Git } from '../effects/git';
import type { GitHubServices } from '../effects/github-services';
import type { RegistryServices } from '../effects/registry-services';

export type { Clock, Logger };

export interface Services {
  /** The Nx workspace root. */
  root: string;
  log: Logger;
  clock: Clock;
  /** Git in `dir` (default: the workspace root). */
  git(dir?: string): Git;
  /** Cargo in `dir` (the Cargo workspace root). */
  cargo(dir: string): Cargo;
  /** The workspace model, from the graph's cache when the manifests are unchanged. */
  model(): Workspace;
  github: GitHubServices;
  registry: RegistryServices;
}
