import { releaseRcCommand } from '../../commands/release-rc';
import { releaseRcFlags } from '../../core/flags/release-rc';
import { executorFor } from '../execute';

export default executorFor(releaseRcCommand, releaseRcFlags);
