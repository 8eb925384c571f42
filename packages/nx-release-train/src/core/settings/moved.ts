/**
 * Settings that were removed in favour of another: an nx.json that still has one is refused
 * (as every unknown setting is) with the setting that replaces it, so the fix is one move.
 */
export const MOVED_SETTINGS: Readonly<Record<string, { to: string; why: string; fix?: string }>> = {
  'artifacts.repository': { to: 'githubRepository', why: 'one repository setting for every command that talks to GitHub' },
  'bindings.githubApiUrl': { to: 'githubApiUrl', why: 'one API setting for every command that talks to GitHub' },
  // A new shape, not a move: each runner entry becomes a build with its toolchain.
  artifactRunners: {
    to: 'artifacts.builds',
    why: 'each platform also says how its job gets its toolchain',
    fix: 'write each "<target>": "<runner>" entry as { "target": "<target>", "runner": "<runner>" } in "artifacts.builds" (a list) and remove "artifactRunners"',
  },
};

/** The problem text for a moved setting at `setting` (a full path), or undefined. */
export function movedSetting(setting: string): { message: string; fix: string } | undefined {
  const moved = MOVED_SETTINGS[setting];
  if (!moved) return undefined;
  return {
    message: `was replaced by "${moved.to}" (${moved.why})`,
    fix: moved.fix ?? `move its value to "${moved.to}" at the top of the nx-release-train options and remove "${setting}"`,
  };
}
