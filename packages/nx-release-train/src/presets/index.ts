import type { ReleaseTrainOptions } from '../core/settings/options';
import { wasmtimePreset } from './wasmtime';

export const PRESETS: Record<string, Partial<ReleaseTrainOptions>> = { wasmtime: wasmtimePreset };
