import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';

/**
 * A part of the worker that starts once the application is up and stops before it shuts
 * down (the queue consumers, the schedulers): Nest calls both hooks.
 */
export interface WorkerService extends OnApplicationBootstrap, BeforeApplicationShutdown {}
