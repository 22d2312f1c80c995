import { ConflictException } from '@nestjs/common';

export const hostTaken = (hostName: string) =>
  new ConflictException({
    error: 'host_taken',
    message: `The host name ${hostName} already answers for a tenant.`,
    fields: { hostName: ['already in use'] },
  });
