import { Readable } from 'node:stream';
import {
  BadRequestException,
  type PipeTransform,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { z } from 'zod';

/** Field messages of a failed parse: `{ "username": ["…"] }`. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')}`
        : issue.message,
    );
  }
  return fields;
}

/** Validates a body (or query) with a zod schema from packages/types; 400 with field messages. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  /** `optionalBody`: no body at all is taken as `{}` (actions whose fields are all optional). */
  constructor(
    private readonly schema: S,
    private readonly options: { optionalBody?: boolean } = {},
  ) {}
  transform(value: unknown): z.infer<S> {
    if (value === undefined && this.options.optionalBody) value = {};
    // A body another parser took (an uploaded image, a CSV stream) is not JSON.
    if (Buffer.isBuffer(value) || value instanceof Readable) {
      throw new UnsupportedMediaTypeException({
        error: 'unsupported_media_type',
        message: 'Unsupported content type: send application/json.',
      });
    }
    if (
      value === undefined ||
      value === null ||
      typeof value !== 'object' ||
      Array.isArray(value)
    ) {
      throw new BadRequestException({
        error: 'invalid_body',
        message: 'The request body must be a JSON object.',
      });
    }
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new BadRequestException({
        error: 'invalid_body',
        message: 'Some fields are invalid.',
        fields: fieldErrors(result.error),
      });
    }
    return result.data;
  }
}
