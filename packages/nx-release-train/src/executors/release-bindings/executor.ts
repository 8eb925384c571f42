import { releaseBindingsCommand } from '../../commands/release-bindings';
import { releaseBindingsFlags } from '../../core/flags/release-bindings';
import { executorFor } from '../execute';

export default executorFor(releaseBindingsCommand, releaseBindingsFlags);
