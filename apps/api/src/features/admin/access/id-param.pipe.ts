import { NotFoundException, type PipeTransform } from '@nestjs/common';
import type { ApiError } from '@guichet/types';
import { z } from 'zod';

const uuid = z.uuid();

/** A route id that is not a UUID names nothing: the same 404 as an id that does not exist. */
export class IdParam implements PipeTransform<string, string> {
  constructor(private readonly notFound: ApiError) {}
  transform(value: string): string {
    if (!uuid.safeParse(value).success) throw new NotFoundException(this.notFound);
    return value;
  }
}
