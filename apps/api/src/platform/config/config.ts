export { type AppConfig, buildConfig, loadConfigOrExit } from '@guichet/platform';

export const CONFIG = Symbol('CONFIG');
