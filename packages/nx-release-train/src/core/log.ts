/** How a command speaks: the executor gives Nx's output, tests a capture. */
import { maskSecrets } from './secrets';

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  /**
   * A long text printed whole (a diff): Nx reads a task's output in chunks of up to 64 KiB and
   * ends every chunk with a newline, so one big write comes out with lines broken; the
   * executor's output writes it in pieces of whole lines instead. Without it, line by line.
   */
  block?(text: string): Promise<void>;
}

/** Prints `text` whole through `log` (its `block`, else line by line). */
export async function printBlock(log: Logger, text: string): Promise<void> {
  if (log.block) return log.block(text);
  for (const line of text.replace(/\n$/, '').split('\n')) log.info(line);
}

/** `log` with every secret the run holds masked in each line. */
export function maskedLog(log: Logger): Logger {
  return {
    info: (line) => log.info(maskSecrets(line)),
    warn: (line) => log.warn(maskSecrets(line)),
    error: (line) => log.error(maskSecrets(line)),
    ...(log.block ? { block: (text: string) => log.block!(maskSecrets(text)) } : {}),
  };
}
