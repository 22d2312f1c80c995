import { accounts } from './fr/accounts';
import { admins } from './fr/admins';
import { app } from './fr/app';
import { applications } from './fr/applications';
import { branding } from './fr/branding';
import { email } from './fr/email';
import { logs } from './fr/logs';
import { rules } from './fr/rules';
import { signIn } from './fr/sign-in';
import { tenants } from './fr/tenants';
import { accounts as enAccounts } from './en/accounts';
import { admins as enAdmins } from './en/admins';
import { app as enApp } from './en/app';
import { applications as enApplications } from './en/applications';
import { branding as enBranding } from './en/branding';
import { email as enEmail } from './en/email';
import { logs as enLogs } from './en/logs';
import { rules as enRules } from './en/rules';
import { signIn as enSignIn } from './en/sign-in';
import { tenants as enTenants } from './en/tenants';

/**
 * The areas of the app, one file each per language: French (the reference catalog of the
 * admin app, every other language has the same keys), then English (each area typed as its
 * French one).
 */
const AREAS = [
  [app, enApp],
  [signIn, enSignIn],
  [tenants, enTenants],
  [branding, enBranding],
  [rules, enRules],
  [email, enEmail],
  [accounts, enAccounts],
  [logs, enLogs],
  [admins, enAdmins],
  [applications, enApplications],
] as const;

type Area = (typeof AREAS)[number][0];
type Merged<U> = (U extends unknown ? (area: U) => void : never) extends (area: infer I) => void
  ? I
  : never;

/** Every key of every area. */
export type Messages = Merged<Area>;

const catalog = (language: 0 | 1): Messages =>
  Object.assign({}, ...AREAS.map((pair) => pair[language])) as Messages;

export const fr = catalog(0);
export const en = catalog(1);
