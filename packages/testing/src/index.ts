export * from './http.js';
export * from './process.js';
export * from './smtp-sink.js';
export * from './stack.js';
export * from './redis-topologies.js';
export * from './slapd.js';
export * from './chromium.js';
