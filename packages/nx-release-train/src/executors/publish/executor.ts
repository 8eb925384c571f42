/** `nx run <crate>:publish`: the Nx adapter of commands/publish.ts (one crate per task). */
import type { ExecutorContext } from '@nx/devkit';
import { publish } from '../../commands/publish';
import { execute, projectCrate, publishContextOf } from '../shared';
import type { PublishExecutorSchema } from './schema';

export default async function publishExecutor(options: PublishExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  return execute(async () => {
    const ctx = publishContextOf(context, options.registry);
    await publish(ctx, projectCrate(ctx, context).name, options);
  });
}
