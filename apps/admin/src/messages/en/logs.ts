import type { logs as fr } from '../fr/logs';
import { plural } from './helpers';

/** The Deliveries and Audit log screens. */
export const logs: typeof fr = {
  deliveriesTitle: 'Email deliveries',
  deliveriesFilterLabel: 'Filter deliveries',
  allKinds: 'All',
  recipientSearch: 'Recipient',
  deliveryStatus: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  noDeliveries: 'No delivery matches.',
  createdAtColumn: 'Date',
  recipient: 'Recipient',
  attempts: 'Attempts',
  retryDelivery: 'Retry',
  deliveryRequeued: 'Delivery queued again.',
  deliveriesPagination: 'Delivery pages',

  auditTitle: 'Audit log',
  platformAuditTitle: 'Platform log',
  platformAuditIntro:
    'What concerns no tenant in particular: tenants created, administrator accounts, sign-ins to administration, addresses blocked after too many failures.',
  auditFilterLabel: 'Filter the log',
  auditAction: 'Action',
  auditActionHint: 'Start of the name, for example settings. or user.',
  auditActor: 'Who',
  auditFrom: 'From',
  auditTo: 'To',
  auditWhen: 'When',
  auditChange: 'Before / after',
  actorType: {
    user: 'User',
    admin: 'Administrator',
    system: 'System',
    anonymous: 'Anonymous',
    scim: 'SCIM client',
  },
  changedFields: (n) => `${n} ${plural(n, 'value changed', 'values changed')}`,
  auditField: 'Field',
  before: 'Before',
  after: 'After',
  noAuditEvents: 'No event matches.',
  exportCsv: 'Export as CSV',
  exportReady: 'Export downloaded.',
  auditPagination: 'Audit log pages',
};
