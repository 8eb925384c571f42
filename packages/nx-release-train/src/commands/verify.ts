/**
 * `nx run <crate>:verify`: `cargo package` for the crate together with every workspace
 * crate it needs from the registry, so cargo resolves those from their freshly packaged
 * `.crate` files (unpublished ones included) and builds the packaged sources. Tries
 * `--offline` first: a release's crates need nothing from the network when cargo's cache
 * holds the rest; when it does not, cargo says so and the command runs online.
 */
import { publishOrder, transitiveNeeds } from '../core/publish-order';
import { cargoAt } from '../effects/cargo';
import { ReleaseError } from '../core/errors';
import type { Crate } from '../core/model';
import type { VerifyExecutorSchema } from '../executors/verify/schema';
import type { PublishContext } from './publish/publish-context';

export async function verify(ctx: PublishContext, crate: Crate, options: VerifyExecutorSchema): Promise<void> {
  const order = publishOrder(ctx.ws);
  const crates = [crate.name, ...transitiveNeeds(order.needs, crate.name)];
  const describe = `cargo package ${crates.map((c) => `-p ${c}`).join(' ')}${ctx.registry ? ` --registry ${ctx.registry}` : ''}`;
  if (options.dryRun) {
    console.log(`${crate.name}@${crate.version}: would run ${describe} (dry run)`);
    return;
  }
  const cargo = cargoAt(ctx.cargoRoot);
  let result = await cargo.package(crates, { registry: ctx.registry, verify: true, offline: true });
  if (result.exitCode !== 0 && /offline/i.test(result.stderr)) {
    result = await cargo.package(crates, { registry: ctx.registry, verify: true, offline: false });
  }
  if (result.exitCode !== 0) {
    throw new ReleaseError(`${describe} failed for ${crate.name}@${crate.version}:\n${result.stderr.trim()}`, 'fix what cargo reports above (the packaged crate must build on its own), then rerun');
  }
  console.log(`${crate.name}@${crate.version}: verified (packaged and built with ${crates.length - 1} workspace dependencies)`);
}
