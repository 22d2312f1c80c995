import { Global, Module, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { REPOSITORIES } from '@guichet/db';
import type { DataSource } from 'typeorm';

/** Every repository of packages/db, built on the pool: each query on a tenant-owned table goes through one. */
const providers: Provider[] = REPOSITORIES.map((repository) => ({
  provide: repository,
  useFactory: (dataSource: DataSource) => new repository(dataSource),
  inject: [getDataSourceToken()],
}));

@Global()
@Module({ providers, exports: providers })
export class RepositoriesModule {}
