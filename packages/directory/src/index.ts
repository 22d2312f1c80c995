// @guichet/directory — directory provisioning over LDAP v3 (Active Directory, OpenLDAP):
// the client (ldapts, paged search), attribute mapping, the pure plan and the sync that applies it.
export * from './entry-mapping.js';
export * from './ldap-reader.js';
export * from './lock.js';
export * from './plan.js';
export * from './settings.js';
export * from './sync.js';
export * from './target.js';
export * from './factory.js';
