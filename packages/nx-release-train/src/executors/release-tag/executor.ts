import { releaseTagCommand } from '../../commands/release-tag';
import { releaseTagFlags } from '../../core/flags/release-tag';
import { executorFor } from '../execute';

export default executorFor(releaseTagCommand, releaseTagFlags);
