import type { Messages } from '../fr';
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

/** English: every key of the French catalog, area by area (each typed as its French area). */
export const en: Messages = {
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
