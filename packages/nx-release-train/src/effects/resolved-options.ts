/**
 * The plugin options as the graph sees them, resolved once per distinct nx.json `options`
 * and plugin build. Checking options needs zod and every settings schema (core/settings/),
 * which costs more to load than the rest of the graph path together; a CLI run whose
 * nx.json and plugin build are unchanged reads the last resolution from Nx's workspace data
 * directory (beside the workspace model) and loads none of it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OptionProblem, ReleaseTrainOptions } from '../core/settings/options';
import { readCached, writeCached, type DiskCache } from './workspace-data';

export interface ResolvedOptions {
  options: ReleaseTrainOptions;
  problems: OptionProblem[];
}

const memory = new Map<string, ResolvedOptions>();
let build: string | undefined;

/**
 * What identifies the code that resolved the options: the package version, and the build's
 * `.tsbuildinfo` (rewritten by every build that changed an output), so a rebuilt plugin
 * (a new default, a new check) never reads a resolution made by the old code.
 */
function buildId(): string {
  if (build === undefined) {
    const pkg = join(__dirname, '..', '..', 'package.json');
    const stamp = (file: string) => {
      try {
        const st = statSync(file);
        return `${st.size}:${st.mtimeMs}`;
      } catch {
        return '-';
      }
    };
    let version = '-';
    try {
      version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '-';
    } catch {
      // Running from the sources (tests): the stamps below still tell builds apart.
    }
    build = `${version}|${stamp(join(__dirname, '..', '.tsbuildinfo'))}|${__filename}`;
  }
  return build;
}

export async function resolvedOptions(workspaceRoot: string, raw: unknown, disk: DiskCache = 'read-write'): Promise<ResolvedOptions> {
  const key = createHash('sha256')
    .update(buildId())
    .update('\0')
    .update(JSON.stringify(raw ?? {}))
    .digest('hex');
  let found = memory.get(key) ?? (disk !== 'off' ? readCached<ResolvedOptions>(workspaceRoot, 'options', key) : undefined);
  if (!found) {
    // Loaded here, not at the top: zod and the schemas load only when something must be checked.
    const { resolveOptions } = await import('../core/settings/options.js');
    found = resolveOptions(raw);
    if (disk === 'read-write') writeCached(workspaceRoot, 'options', key, found);
  }
  memory.set(key, found);
  return found;
}
