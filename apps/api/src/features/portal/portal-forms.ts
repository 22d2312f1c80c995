import { Readable } from 'node:stream';
import { safeString } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The portal's form bodies, validated like the JSON API's (one schema per form): a field is
 * one string — the first of a repeated one, empty when it is anything else (`a[b]=…`) —
 * kept to its input's maxlength. Text fields refuse control characters and lone
 * surrogates, which PostgreSQL refuses with an error (a NUL in `username` was a 500).
 * Passwords are never stored or queried as text: any character goes, as in the JSON API.
 */
const formValue = (max: number) =>
  z.preprocess((value) => {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.slice(0, max) : '';
  }, z.string());
const text = (max = 200) => formValue(max).pipe(safeString().trim());
const secret = () => formValue(1000);

export const loginForm = z.object({ username: text(), password: secret(), remember: text(20) });
export const usernameForm = z.object({ username: text() });
export const resetPasswordForm = z.object({
  token: text(),
  password: secret(),
  passwordConfirmation: secret(),
});
export const lookupForm = z.object({ firstName: text(), lastName: text() });

export type FormResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly invalid: readonly string[] };

/** The form body parsed by its schema; on failure, the fields refused. */
export function readForm<S extends z.ZodType<Record<string, string>>>(
  request: FastifyRequest,
  schema: S,
): FormResult<z.infer<S>> {
  const body = request.body;
  // A body that is not a form (JSON scalar or array, a stream of another content type) has no fields.
  const fields =
    body && typeof body === 'object' && !Array.isArray(body) && !(body instanceof Readable)
      ? body
      : {};
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    invalid: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))],
  };
}
