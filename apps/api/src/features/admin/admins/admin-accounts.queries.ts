import { Injectable } from '@nestjs/common';
import { AdminAccountsRepository } from '@guichet/db';
import type { AdminAccountView } from '@guichet/types';
import { listAdmins } from './admin-accounts.shared.js';

/** The admin accounts screen: every account, by email. */
@Injectable()
export class AdminAccountQueries {
  constructor(private readonly admins: AdminAccountsRepository) {}

  list(): Promise<AdminAccountView[]> {
    return listAdmins(this.admins);
  }
}
