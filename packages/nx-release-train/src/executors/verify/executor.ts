import { verifyCommand } from '../../commands/verify';
import { verifyFlags } from '../../core/flags/verify';
import { executorFor } from '../execute';

export default executorFor(verifyCommand, verifyFlags);
