export * from './http.js';
export * from './process.js';
