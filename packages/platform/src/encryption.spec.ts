import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Encryptor } from './encryption.js';
import { hashToken, isWellFormedToken, newToken } from './tokens.js';

describe('Encryptor', () => {
  const encryptor = new Encryptor(randomBytes(32).toString('base64'));

  it('round-trips and never produces the same ciphertext twice', () => {
    const a = encryptor.encrypt('secret token');
    const b = encryptor.encrypt('secret token');
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(encryptor.decrypt(a)).toBe('secret token');
  });

  it('refuses a tampered ciphertext and another key', () => {
    const c = encryptor.encrypt('secret token');
    const parts = c.split('.');
    parts[3] = Buffer.from(
      'x' + Buffer.from(parts[3]!, 'base64url').toString('latin1'),
      'latin1',
    ).toString('base64url');
    expect(() => encryptor.decrypt(parts.join('.'))).toThrow();
    expect(() => new Encryptor(randomBytes(32).toString('base64')).decrypt(c)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new Encryptor(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('tokens', () => {
  it('are 256 random bits, well formed, hashed with SHA-256', () => {
    const t = newToken();
    expect(isWellFormedToken(t)).toBe(true);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toHaveLength(32);
    for (const bad of [
      undefined,
      null,
      '',
      42,
      [t],
      { t },
      `${t}x`,
      'a'.repeat(10_000),
      t.slice(1),
    ])
      expect(isWellFormedToken(bad)).toBe(false);
  });
});
