import type { ExecutorContext } from '@nx/devkit';
import { releaseTag } from '../../commands/release-tag';
import { execute, makeContext } from '../shared';
import type { ReleaseTagSchema } from './schema';

export default async function releaseTagExecutor(options: ReleaseTagSchema, context: ExecutorContext) {
  return execute(async () => {
    await releaseTag(makeContext(context, options), { branch: options.branch || undefined, via: options.via ?? 'git' });
  });
}
