import { describe, expect, it } from '@jest/globals';
import { hash, verify } from '@node-rs/argon2';
import { argon2Parameters } from './password-hasher.js';

/** Made by the `argon2` package this project used before @node-rs/argon2 (parameters in `m,p,t` order). */
const FORMER_PACKAGE_HASH =
  '$argon2id$v=19$m=8192,p=1,t=1$7awhuShLywE6i0kTIZIDAA$EydSZGsgud+jqnQkGKAqPkWa6pwKnzCb9jDLYZXMoLA';

describe('argon2id hashes', () => {
  it('verifies the hashes stored by the former argon2 package', async () => {
    expect(await verify(FORMER_PACKAGE_HASH, 'Old-format-2024')).toBe(true);
    expect(await verify(FORMER_PACKAGE_HASH, 'old-format-2024')).toBe(false);
  });

  it('reads the parameters in either order', async () => {
    expect(argon2Parameters(FORMER_PACKAGE_HASH)).toEqual({
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    const fresh = await hash('New-format-2026', {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(fresh).toMatch(/^\$argon2id\$v=19\$/);
    expect(argon2Parameters(fresh)).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('treats anything but an argon2id v19 hash as needing a new hash', () => {
    expect(argon2Parameters('$argon2i$v=19$m=8192,t=1,p=1$c2FsdA$aGFzaA')).toBeNull();
    expect(argon2Parameters('$argon2id$v=16$m=8192,t=1,p=1$c2FsdA$aGFzaA')).toBeNull();
    expect(argon2Parameters('$argon2id$v=19$m=8192,t=x,p=1$c2FsdA$aGFzaA')).toBeNull();
    expect(argon2Parameters('$2b$10$abcdefghijklmnopqrstuv')).toBeNull();
    expect(argon2Parameters('')).toBeNull();
  });
});
