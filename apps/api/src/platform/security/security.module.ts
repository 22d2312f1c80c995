import { Global, Module } from '@nestjs/common';
import { ClientLimits } from './client-limits.js';
import { RateLimits } from './rate-limits.js';

@Global()
@Module({ providers: [RateLimits, ClientLimits], exports: [RateLimits, ClientLimits] })
export class SecurityModule {}
