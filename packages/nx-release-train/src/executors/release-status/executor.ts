import { releaseStatusCommand } from '../../commands/release-status';
import { releaseStatusFlags } from '../../core/flags/release-status';
import { executorFor } from '../execute';

export default executorFor(releaseStatusCommand, releaseStatusFlags);
