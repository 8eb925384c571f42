/**
 * Warnings shown ahead of a plan. A policy breached in every manifest is one fix, not 400
 * lines, so warnings of one kind are summarized as a count past the first few; but a warning of
 * another kind (release notes whose top section is not the release, say) must never hide behind
 * them: every warning without a kind, and the first of each kind, is always shown.
 */
import { formatProblem } from '../errors';
import type { Problem } from './errors';

/** Lines to print: a count heading, the warnings shown, and per kind how many were left out. */
export function summarizeWarnings(warnings: readonly Problem[], perKind = 5): string[] {
  if (warnings.length === 0) return [];
  const out = [`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`];
  const seen = new Map<string, number>();
  for (const w of warnings) {
    const n = w.kind ? (seen.get(w.kind) ?? 0) + 1 : 0;
    if (w.kind) seen.set(w.kind, n);
    // Each one through the one printer of problems, indented under the count.
    if (n <= perKind) out.push(formatProblem(w).replace(/^/gm, '  '));
  }
  for (const [kind, n] of seen) if (n > perKind) out.push(`  ... and ${n - perKind} more of this kind: ${kind}`);
  return out;
}
