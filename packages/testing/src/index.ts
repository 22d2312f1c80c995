export * from './http.js';
export * from './process.js';
export * from './smtp-sink.js';
export * from './slapd.js';
