import { releaseLatestCommand } from '../../commands/release-latest';
import { releaseLatestFlags } from '../../core/flags/release-latest';
import { executorFor } from '../execute';

export default executorFor(releaseLatestCommand, releaseLatestFlags);
