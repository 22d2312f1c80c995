import type { AppConfig } from '@guichet/platform';

export const CONFIG = Symbol('CONFIG');
export type WorkerConfig = AppConfig;
