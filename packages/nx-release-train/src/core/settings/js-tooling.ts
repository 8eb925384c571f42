/**
 * Nx settings that keep Nx's own JavaScript plugins out of a Cargo workspace that also holds
 * JavaScript tooling (a pnpm lock file, package.json projects sharing one name): Nx's
 * `nx/js/dependencies-and-lockfile` plugin stops reading the lock file, package.json files and
 * sources (`pluginsConfig["@nx/js"]`), and its package-json plugin stops making projects of
 * nested package.json files (`.nxignore`). Pure: `init --jsTooling` and tools/try-on.mjs write them.
 */

/** nx.json `pluginsConfig["@nx/js"]`: nothing JavaScript is analysed. */
export const JS_PLUGIN_CONFIG = { analyzeLockfile: false, analyzePackageJson: false, analyzeSourceFiles: false } as const;

/** .nxignore lines: no package.json below the root becomes an Nx project. */
export const NXIGNORE_LINES = ['*/**/package.json'] as const;

/** Files whose presence says the workspace has JavaScript tooling Nx would analyse. */
export const JS_TOOLING_FILES = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package-lock.json', 'yarn.lock', 'bun.lockb'] as const;

/** nx.json with the JS plugin's analysis off; a value already written there wins. */
export function withJsPluginOff(nxJson: Record<string, unknown>): Record<string, unknown> {
  const config = (nxJson.pluginsConfig ?? {}) as Record<string, Record<string, unknown>>;
  return { ...nxJson, pluginsConfig: { ...config, '@nx/js': { ...JS_PLUGIN_CONFIG, ...(config['@nx/js'] ?? {}) } } };
}

/** .nxignore text with the lines added that are missing (null: nothing to add). */
export function nxignoreWithJsOff(text: string | null): string | null {
  const have = new Set((text ?? '').split('\n').map((l) => l.trim()));
  const missing = NXIGNORE_LINES.filter((l) => !have.has(l));
  if (missing.length === 0) return null;
  const before = text ?? '';
  return before + (before && !before.endsWith('\n') ? '\n' : '') + missing.join('\n') + '\n';
}
