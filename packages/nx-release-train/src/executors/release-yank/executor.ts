/** `nx release-yank`: the Nx adapter of commands/release-yank.ts. */
import type { ExecutorContext } from '@nx/devkit';
import { releaseYank } from '../../commands/release-yank';
import { execute, publishContextOf } from '../shared';
import type { ReleaseYankExecutorSchema } from './schema';

export default async function releaseYankExecutor(options: ReleaseYankExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  return execute(() => releaseYank(publishContextOf(context, options.registry), options));
}
