/** Field helpers of the admin API schemas (not exported from the package). */
import { z } from 'zod';
import { safeString } from '../safe-text.js';

/** No control characters (a NUL byte would reach PostgreSQL as an error, not a 4xx). */
export const noControl = (v: string) => !/\p{Cc}/u.test(v);
/** Text fields refuse control characters and lone surrogates (see safe-text.ts): PostgreSQL refuses them with an error. */
export const line = (max: number) => safeString().trim().min(1).max(max);
export const uuid = z.uuid();
export const email = z.email().max(320);

export const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(200).default(25);
export const search = safeString().trim().max(200);
export const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
export const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyAsUndefined, s.optional());
