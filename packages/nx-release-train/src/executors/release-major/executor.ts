import { releaseMajorCommand } from '../../commands/release-major';
import { releaseMajorFlags } from '../../core/flags/release-major';
import { executorFor } from '../execute';

export default executorFor(releaseMajorCommand, releaseMajorFlags);
