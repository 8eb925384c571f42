import { releaseYankCommand } from '../../commands/release-yank';
import { releaseYankFlags } from '../../core/flags/release-yank';
import { executorFor } from '../execute';

export default executorFor(releaseYankCommand, releaseYankFlags);
