/**
 * `nx run <crate>:verify`: `cargo package` for the crate together with every workspace
 * crate it needs from the registry, so cargo resolves those from their freshly packaged
 * `.crate` files (unpublished ones included) and builds the packaged sources. Tries
 * `--offline` first: a release's crates need nothing from the network when cargo's cache
 * holds the rest; when it does not, cargo says so and the command runs online.
 */
import { ReleaseError } from '../core/errors';
import type { VerifyFlags } from '../core/flags/verify';
import { publishOrder, transitiveNeeds } from '../core/publishing/order';
import type { Command, CommandInput } from './command';
import { envReads } from '../core/env-reads';
import { crateOf, publishTarget, registryEnvReads, resolveRegistry, type RegistryRequest } from './publish/publish-target';
import type { Services } from './services';

export interface VerifyRequest extends RegistryRequest {
  dryRun: boolean;
}

export function resolveVerify(input: CommandInput<VerifyFlags>): VerifyRequest {
  return { ...resolveRegistry(input), dryRun: input.flags.dryRun };
}

export async function verify(req: VerifyRequest, services: Services): Promise<void> {
  const target = publishTarget(req, services);
  const crate = crateOf(target, req.project);
  const order = publishOrder(target.ws);
  const crates = [crate.name, ...transitiveNeeds(order.needs, crate.name)];
  const describe = `cargo package ${crates.map((c) => `-p ${c}`).join(' ')}${target.registry ? ` --registry ${target.registry}` : ''}`;
  if (req.dryRun) {
    services.log.info(`${crate.name}@${crate.version}: would run ${describe} (dry run)`);
    return;
  }
  let result = await target.cargo.package(crates, { registry: target.registry, verify: true, offline: true });
  if (result.exitCode !== 0 && /offline/i.test(result.stderr)) {
    result = await target.cargo.package(crates, { registry: target.registry, verify: true, offline: false });
  }
  if (result.exitCode !== 0) {
    throw new ReleaseError(
      `${describe} failed for ${crate.name}@${crate.version}:\n${result.stderr.trim()}`,
      'fix what cargo reports above (the packaged crate must build on its own), then rerun',
    );
  }
  services.log.info(`${crate.name}@${crate.version}: verified (packaged and built with ${crates.length - 1} workspace dependencies)`);
}

export const verifyCommand: Command<VerifyFlags, VerifyRequest, void> = {
  name: 'verify',
  resolve: resolveVerify,
  env: ({ flags, options }) => envReads(registryEnvReads(flags, options)),
  run: verify,
};
