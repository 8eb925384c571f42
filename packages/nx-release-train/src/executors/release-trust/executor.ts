import { releaseTrustCommand } from '../../commands/release-trust';
import { releaseTrustFlags } from '../../core/flags/release-trust';
import { executorFor } from '../execute';

export default executorFor(releaseTrustCommand, releaseTrustFlags);
