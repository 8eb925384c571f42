/** Prints workspace diagnostics once per process, so a broken manifest never breaks Nx. */
// Nx's own logger module, not the @nx/devkit barrel (which loads the task runner, the daemon
// client and the plugin loader): Nx has this module loaded already in the process that runs us.
import { logger } from 'nx/src/utils/logger';
import { formatProblem } from '../core/errors';
import type { Diagnostic } from '../core/model';
import { PLUGIN_NAME } from '../core/plugin-name';

const reported = new Set<string>();

export const formatDiagnostic = (d: Diagnostic): string => formatProblem(d);

export function reportOnce(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const text = formatDiagnostic(d);
    if (reported.has(text)) continue;
    reported.add(text);
    logger.warn(`${PLUGIN_NAME}: ${text}`);
  }
}
