/** How a command speaks: the executor gives Nx's output, tests a capture. */
import { maskSecrets } from './secrets';

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** `log` with every secret the run holds masked in each line. */
export function maskedLog(log: Logger): Logger {
  return {
    info: (line) => log.info(maskSecrets(line)),
    warn: (line) => log.warn(maskSecrets(line)),
    error: (line) => log.error(maskSecrets(line)),
  };
}
