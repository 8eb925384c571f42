/** Failures of the release-artifacts step that the user can act on. */
import { ReleaseError } from '../../core/errors';

export class ArtifactsError extends ReleaseError {}
