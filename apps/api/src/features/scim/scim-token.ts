import { randomBytes } from 'node:crypto';

/** Recognisable in a configuration, a log or a secret scanner: `gscim_` + 256 random bits. */
export const SCIM_TOKEN_PREFIX = 'gscim_';

export const newScimToken = (): string =>
  `${SCIM_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** The shape of a token we issued: anything else is refused before the database is asked. */
export const isScimToken = (value: unknown): value is string =>
  typeof value === 'string' && /^gscim_[A-Za-z0-9_-]{43}$/.test(value);
