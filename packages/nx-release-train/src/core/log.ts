/** How a command speaks: the executor gives Nx's output, tests a capture. */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}
