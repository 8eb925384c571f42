/**
 * Nx keeps `--target` for itself, so `nx release-patch --target=4.x` reaches no executor
 * with a `target`. The plugin's preTasksExecution hook sees the full argv; this finds the
 * value there when the invoked target is `release-patch`.
 */
export const PATCH_TARGET_ENV = 'NX_RELEASE_TRAIN_PATCH_TARGET';

export function patchTargetFromArgv(argv: readonly string[], targetName = 'release-patch'): string | undefined {
  const invoked = argv.some((a) => a === targetName || a.endsWith(`:${targetName}`) || a.includes(`:${targetName}:`));
  if (!invoked) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('--target=')) return arg.slice('--target='.length);
    if (arg === '--target' && i + 1 < argv.length) return argv[i + 1];
  }
  return undefined;
}
