/** The real services a command runs with, built once per run by `execute()`. */
import type { Logger, Services } from '../commands/services';
import { maskedLog } from '../core/log';
import { cargoAt } from '../effects/cargo';
import { systemClock } from '../effects/clock';
import { Git } from '../effects/git';
import { realGitHub } from '../effects/github-services';
import { realRegistry } from '../effects/registry-services';
import { workspaceModel } from '../effects/workspace-model';

export function realServices(root: string, log: Logger): Services {
  return {
    root,
    // Whatever a command prints passes the one masking of secrets (core/secrets.ts).
    log: maskedLog(log),
    clock: systemClock,
    git: (dir = root) => new Git(dir),
    cargo: (dir) => cargoAt(dir),
    model: () => workspaceModel(root),
    github: realGitHub,
    registry: realRegistry,
  };
}
