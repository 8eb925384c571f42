import { releaseAssetsCommand } from '../../commands/release-assets';
import { releaseAssetsFlags } from '../../core/flags/release-assets';
import { executorFor } from '../execute';

export default executorFor(releaseAssetsCommand, releaseAssetsFlags);
