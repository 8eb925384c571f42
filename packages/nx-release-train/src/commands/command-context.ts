/** What every release command gets: where, with which options, and how to speak. */
import type { ReleaseTrainOptions } from '../core/options';

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

export interface CommandContext {
  root: string;
  options: ReleaseTrainOptions;
  dryRun: boolean;
  push: boolean;
  log: Logger;
}
