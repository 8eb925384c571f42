import { publishPlanCommand } from '../../commands/publish-plan';
import { publishPlanFlags } from '../../core/flags/publish-plan';
import { executorFor } from '../execute';

export default executorFor(publishPlanCommand, publishPlanFlags);
