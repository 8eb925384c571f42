/** Bad plugin options, every problem listed: apart from options.ts so that raising it loads no schema. */
import { formatProblem, ReleaseError } from '../errors';
import { PLUGIN_NAME } from '../plugin-name';
import type { OptionProblem } from './options';

/** Plugin options that do not fit the schema; the message lists every problem. */
export class OptionsError extends ReleaseError {
  /** A problem found against the workspace (rules.ts) may sit in a crate's manifest rather than nx.json. */
  constructor(problems: Array<OptionProblem & { file?: string }>) {
    const listed = problems.map((p) => ({ level: 'error' as const, file: p.file ?? 'nx.json', message: p.message, fix: p.fix }));
    super(`nx.json has invalid ${PLUGIN_NAME} options:\n${listed.map(formatProblem).join('\n')}`, 'fix every problem listed, then rerun', {
      file: 'nx.json',
      problems: listed,
    });
  }

  override get headline(): string {
    return `nx.json has invalid ${PLUGIN_NAME} options:`;
  }
}
