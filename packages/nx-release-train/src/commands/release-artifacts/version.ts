/**
 * The version release-artifacts and release-assets work on: `--version` (Nx keeps that flag
 * for itself; the preTasksExecution hook hands it on through the environment), else the one
 * release tag at HEAD.
 */
import { isVersion, versionsFromTags } from '../../core/artifacts/naming';
import { ReleaseError } from '../../core/errors';
import { tagsAtHead } from '../../effects/release-tag';

/** `--version`, else the one release tag at HEAD. */
export async function releaseVersion(input: { version?: string; root: string; tagPattern: string }): Promise<string> {
  if (input.version !== undefined) {
    if (!isVersion(input.version)) throw new ReleaseError(`--version=${input.version} is not a version like 1.2.3 or 1.2.3-rc.1`, 'pass --version=X.Y.Z');
    return input.version;
  }
  const tags = await tagsAtHead(input.root);
  const versions = [...new Set(versionsFromTags(tags, input.tagPattern))];
  if (versions.length === 1) return versions[0];
  if (versions.length === 0) {
    throw new ReleaseError(
      `HEAD carries no release tag matching "${input.tagPattern}" (tags here: ${tags.join(', ') || 'none'})`,
      'check out the release tag, or pass --version=X.Y.Z',
    );
  }
  throw new ReleaseError(`HEAD carries several release tags (${versions.join(', ')})`, 'pass --version=X.Y.Z to choose one');
}
