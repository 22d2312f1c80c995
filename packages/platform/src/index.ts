export * from './config.js';
export * from './logger.js';
export * from './metrics.js';
export * from './encryption.js';
export * from './tokens.js';
export * from './queue.js';
export * from './outbox.js';
export * from './management-server.js';
