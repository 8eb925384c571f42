/** `nx run <crate>:verify`: the Nx adapter of commands/verify.ts. */
import type { ExecutorContext } from '@nx/devkit';
import { verify } from '../../commands/verify';
import { execute, projectCrate, publishContextOf } from '../shared';
import type { VerifyExecutorSchema } from './schema';

export default async function verifyExecutor(options: VerifyExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  return execute(async () => {
    const ctx = publishContextOf(context, options.registry);
    await verify(ctx, projectCrate(ctx, context), options);
  });
}
