/** The real services a command runs with, built once per run by `execute()`. */
import type { Logger, Services } from '../commands/services';
import { cargoAt } from '../effects/cargo';
import { systemClock } from '../effects/clock';
import { Git } from '../effects/git';
import { realGitHub } from '../effects/github-services';
import { realRegistry } from '../effects/registry-services';
import { workspaceModel } from '../effects/workspace-model';

export function realServices(root: string, log: Logger): Services {
  return {
    root,
    log,
    clock: systemClock,
    git: (dir = root) => new Git(dir),
    cargo: (dir) => cargoAt(dir),
    model: () => workspaceModel(root),
    github: realGitHub,
    registry: realRegistry,
  };
}
