import { releaseArtifactsCommand } from '../../commands/release-artifacts';
import { releaseArtifactsFlags } from '../../core/flags/release-artifacts';
import { executorFor } from '../execute';

export default executorFor(releaseArtifactsCommand, releaseArtifactsFlags);
