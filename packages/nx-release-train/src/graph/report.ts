/** Prints workspace diagnostics once per process, so a broken manifest never breaks Nx. */
import { logger } from '@nx/devkit';
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
