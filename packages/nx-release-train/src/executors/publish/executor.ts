import { publishCommand } from '../../commands/publish';
import { publishFlags } from '../../core/flags/publish';
import { executorFor } from '../execute';

export default executorFor(publishCommand, publishFlags);
