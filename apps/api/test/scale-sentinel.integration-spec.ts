import { startRedisSentinel } from '@guichet/testing';
import { describeScaleOut } from './support/scale-out-suite.js';

// Redis behind Sentinel (a master, its replica and three sentinels, ports and directory of
// their own): the processes ask the sentinels for the master; the same 2 APIs + 2 workers.
describeScaleOut('scale-out on Redis Sentinel', () => startRedisSentinel('guichet-test'));
