/**
 * Warnings shown ahead of a plan: the count and the first few, so a dry run on a large
 * workspace stays readable (a policy breach in every manifest is one fix, not 400 lines).
 */
import { formatProblem } from '../errors';
import type { Problem } from './errors';

/** Lines to print: a count heading, up to `shown` warnings, and how many were left out. */
export function summarizeWarnings(warnings: readonly Problem[], shown = 5): string[] {
  if (warnings.length === 0) return [];
  const out = [`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`];
  // Each one through the one printer of problems, indented under the count.
  for (const w of warnings.slice(0, shown)) out.push(formatProblem(w).replace(/^/gm, '  '));
  if (warnings.length > shown) out.push(`  ... and ${warnings.length - shown} more like these`);
  return out;
}
