/** What every train command's steps get: where, with which options, and how to speak. */
import type { GitHubTargetRequest } from '../core/github-target';
import type { Logger } from '../core/log';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { isValidDate, ReleaseError } from '../core/release';
import type { Services } from './services';

export type { Logger };

export interface CommandContext {
  root: string;
  options: ReleaseTrainOptions;
  dryRun: boolean;
  push: boolean;
  log: Logger;
  /** Where `--push` goes (resolved once from flags, environment and settings). */
  github: GitHubTargetRequest;
}

/** The part of a train command's request every step reads. */
export interface TrainRequest {
  options: ReleaseTrainOptions;
  dryRun: boolean;
  push: boolean;
  github: GitHubTargetRequest;
}

export function trainContext(req: TrainRequest, services: Services): CommandContext {
  return { root: services.root, options: req.options, dryRun: req.dryRun, push: req.push, log: services.log, github: req.github };
}

/** `--date`, checked as a calendar date (the schema checks only its shape). */
export function checkDate(date: string | undefined): string | undefined {
  if (date !== undefined && !isValidDate(date)) throw new ReleaseError(`--date=${date} is not a calendar date`, 'pass --date=YYYY-MM-DD');
  return date;
}
