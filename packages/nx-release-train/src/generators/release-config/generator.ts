/**
 * `nx g nx-release-train:release-config`: writes nx.json's `release` section so that
 * `nx release` versions the Cargo workspace through this plugin (core/release-config.ts): one
 * fixed group per version line, publishable crates only, the plugin's version actions; each
 * publishable crate has an `nx-release-publish` target (inferred by the plugin), so
 * `nx release publish` publishes through the plugin in dependency order. A second run on an
 * unchanged workspace changes nothing; a release section written by hand is replaced, and
 * said so.
 */
import { logger, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { ReleaseError } from '../../core/errors';
import { pluginOptions, type PluginEntry } from '../../core/settings/nx-json';
import { OptionsError, resolveOptions } from '../../core/settings/options';
import { releaseSection } from '../../core/release-config';
import { buildWorkspace } from '../../core/workspace';
import { findManifests } from '../../effects/workspace-fs';

export interface ReleaseConfigGeneratorSchema {
  skipFormat?: boolean;
}

export async function releaseConfigGenerator(tree: Tree, _schema: ReleaseConfigGeneratorSchema = {}): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  const raw = pluginOptions(nxJson.plugins as PluginEntry[] | undefined, 'nx-release-train');
  if (raw === undefined && !(nxJson.plugins ?? []).some((p) => p === 'nx-release-train'))
    throw new ReleaseError('nx-release-train is not registered in nx.json', 'run nx g nx-release-train:init first');
  const { options, problems } = resolveOptions(raw);
  if (problems.length) throw new OptionsError(problems);
  const ws = buildWorkspace({ manifests: findManifests(tree.root), read: (file) => tree.read(file, 'utf-8') });
  const errors = ws.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) throw new ReleaseError(`the Cargo workspace has problems: ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`, errors[0].fix);
  const release = releaseSection(ws, options);
  if (Object.keys(release.groups).length === 0)
    throw new ReleaseError(
      'the Cargo workspace has no publishable crate that moves with a version line',
      'nothing for nx release to version; check publish = false and the versionLines settings',
    );
  if (JSON.stringify(nxJson.release) === JSON.stringify(release)) return;
  if (nxJson.release) logger.warn('nx-release-train: the release section of nx.json was replaced (its previous content is in git)');
  updateNxJson(tree, { ...nxJson, release: release as NonNullable<typeof nxJson.release> });
}

export default releaseConfigGenerator;
