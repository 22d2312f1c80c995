export * from './locale.js';
export * from './tenant-settings.js';
export * from './tenant.js';
export * from './api.js';
export * from './admin.js';
export * from './jobs.js';
export * from './config.js';
export * from './username-pattern.js';
