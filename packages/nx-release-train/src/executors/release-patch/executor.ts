import { releasePatchCommand } from '../../commands/release-patch';
import { releasePatchFlags } from '../../core/flags/release-patch';
import { executorFor } from '../execute';

export default executorFor(releasePatchCommand, releasePatchFlags);
