import { app } from './app';
import { signIn } from './sign-in';
import { tenants } from './tenants';
import { branding } from './branding';
import { rules } from './rules';
import { email } from './email';
import { accounts } from './accounts';
import { logs } from './logs';
import { admins } from './admins';
import { applications } from './applications';

/**
 * French: the reference catalog of the admin app (every other language has the same keys),
 * one file per area of the app.
 */
export const fr = {
  ...app,
  ...signIn,
  ...tenants,
  ...branding,
  ...rules,
  ...email,
  ...accounts,
  ...logs,
  ...admins,
  ...applications,
};

export type Messages = typeof fr;
