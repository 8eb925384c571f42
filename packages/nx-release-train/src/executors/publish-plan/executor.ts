/** `nx publish-plan`: the Nx adapter of commands/publish-plan.ts (read-only). */
import type { ExecutorContext } from '@nx/devkit';
import { publishPlan } from '../../commands/publish-plan';
import { execute, publishContextOf } from '../shared';
import type { PublishPlanExecutorSchema } from './schema';

/** The publish target's `concurrency` as configured in the graph (the batch's real parallelism). */
function configuredConcurrency(context: ExecutorContext): number | undefined {
  for (const project of Object.values(context.projectsConfigurations?.projects ?? {})) {
    const c = (project.targets?.publish?.options as { concurrency?: unknown } | undefined)?.concurrency;
    if (typeof c === 'number') return c;
  }
  return undefined;
}

export default async function publishPlanExecutor(options: PublishPlanExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  return execute(() => publishPlan(publishContextOf(context, options.registry), options, configuredConcurrency(context)));
}
