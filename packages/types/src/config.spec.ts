import { describe, expect, it } from '@jest/globals';
import { parseEnv } from './config.js';

describe('environment defaults', () => {
  it('is production unless NODE_ENV says otherwise', () => {
    expect(parseEnv({}).NODE_ENV).toBe('production');
    expect(parseEnv({ NODE_ENV: '' }).NODE_ENV).toBe('production');
    expect(parseEnv({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');
  });

  it('puts the management ports on loopback, one per process, 0 allowed (any free port)', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      MANAGEMENT_HOST: '127.0.0.1',
      MANAGEMENT_PORT: 9464,
      WORKER_MANAGEMENT_PORT: 9465,
    });
    expect(parseEnv({ MANAGEMENT_PORT: '0', WORKER_MANAGEMENT_PORT: '0' })).toMatchObject({
      MANAGEMENT_PORT: 0,
      WORKER_MANAGEMENT_PORT: 0,
    });
    expect(() => parseEnv({ MANAGEMENT_PORT: '70000' })).toThrow(/MANAGEMENT_PORT="70000"/);
  });
});
