import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { OIDC_CLIENT_NOT_FOUND } from './oidc-clients.shared.js';

/** A client id that could not have been issued names nothing: the same 404 as an unknown one. */
export const clientIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[\w-]{1,64}$/.test(value)) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
    return value;
  },
};
