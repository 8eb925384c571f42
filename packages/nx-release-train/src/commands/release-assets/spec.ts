/** The release as the notes describe it: name, the top section of RELEASES.md, pre-release flag. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillArtifactPattern, isPrerelease } from '../../core/artifacts/naming';
import { releaseNotes } from '../../core/artifacts/notes';
import type { ReleaseSpec } from '../../core/artifacts/release';
import type { Logger } from '../../core/log';
import type { ReleaseTrainOptions } from '../../core/settings/options';

export function releaseSpec(root: string, options: ReleaseTrainOptions, log: Logger, version: string, tag: string): ReleaseSpec {
  const file = options.releasesFile;
  const path = join(root, file);
  let body = '';
  if (existsSync(path)) {
    const notes = releaseNotes(readFileSync(path, 'utf8'), version, file);
    for (const w of notes.warnings) log.warn(w);
    body = notes.body;
  } else {
    log.warn(`${file} does not exist: the release gets no notes (set "releasesFile" in the plugin options)`);
  }
  const name = fillArtifactPattern(options.artifacts.releaseName, { version, tag });
  return { tag, name, body, prerelease: isPrerelease(version) };
}
