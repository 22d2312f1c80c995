import { z } from 'zod';

/**
 * Text that PostgreSQL can store: a NUL byte fails as `text` and as `jsonb`, an unpaired
 * surrogate fails as `jsonb` — both were 500s. Other control characters are refused too: no
 * field shows them to anyone. `multiline` texts (templates, footers) keep tabs and line breaks.
 */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_WHITESPACE = /[^\P{Cc}\t\n\r]/u;
const LONE_SURROGATE = /\p{Cs}/u;

export const CONTROL_CHARACTERS_MESSAGE = 'must not contain control characters';
export const LONE_SURROGATE_MESSAGE = 'must be valid Unicode text (no unpaired surrogate)';

/** Whether a string has no control character (tabs and line breaks allowed when `multiline`) and no lone surrogate. */
export function isSafeText(value: string, options: { multiline?: boolean } = {}): boolean {
  return (
    !(options.multiline ? CONTROL_BUT_WHITESPACE : CONTROL).test(value) &&
    !LONE_SURROGATE.test(value)
  );
}

/** A zod string that refuses what `isSafeText` refuses, each with its own message. */
export function safeString(options: { multiline?: boolean } = {}) {
  return z.string().superRefine((value, ctx) => {
    if ((options.multiline ? CONTROL_BUT_WHITESPACE : CONTROL).test(value))
      ctx.addIssue({
        code: 'custom',
        message: options.multiline
          ? 'must not contain control characters (other than tabs and line breaks)'
          : CONTROL_CHARACTERS_MESSAGE,
      });
    if (LONE_SURROGATE.test(value))
      ctx.addIssue({ code: 'custom', message: LONE_SURROGATE_MESSAGE });
  });
}
