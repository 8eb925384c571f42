/** Prints workspace diagnostics once per process, so a broken manifest never breaks Nx. */
import { logger } from '@nx/devkit';
import type { Diagnostic } from '../core/model';

const reported = new Set<string>();

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.level}: ${d.message}\n  fix: ${d.fix}`;
}

export function reportOnce(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const text = formatDiagnostic(d);
    if (reported.has(text)) continue;
    reported.add(text);
    logger.warn(`nx-release-train: ${text}`);
  }
}
