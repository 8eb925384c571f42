/**
 * What the train's steps (release-major, -latest, -patch, -rc) read, derived once from the
 * request and the services: the settings and the run's switches, git in the workspace, and
 * the services for anything else (git in a temporary worktree, GitHub).
 */
import { resolve } from 'node:path';
import type { Logger } from '../../core/log';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import type { Git } from '../../effects/git';
import type { Services } from '../services';
import type { TrainRequest } from '../train-request';

export type { TrainRequest };

export interface Train {
  readonly options: ReleaseTrainOptions;
  readonly dryRun: boolean;
  readonly push: boolean;
  readonly log: Logger;
  /** Git in the workspace root. */
  readonly git: Git;
  readonly services: Services;
  /** `--diff-file` (absolute) and the diffs written there so far in this run. */
  readonly diffFile?: { path: string; diffs: string[] };
}

export function trainOf(req: TrainRequest, services: Services): Train {
  return {
    options: req.options,
    dryRun: req.dryRun,
    push: req.push,
    log: services.log,
    git: services.git(),
    services,
    diffFile: req.diffFile ? { path: resolve(services.root, req.diffFile), diffs: [] } : undefined,
  };
}
