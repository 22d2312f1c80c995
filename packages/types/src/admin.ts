/**
 * The admin API (`/api/v1/admin/…` on `admin.{BASE_DOMAIN}`): every request and response
 * body, shared by the API (validation) and the admin app (forms, typed client).
 *
 * Access: a platform admin acts on every tenant; a tenant admin only on the tenants of its
 * `tenantIds`. Any other tenant answers 404, exactly as a tenant that does not exist.
 * Errors are `ApiError` bodies (`{ error, message, fields? }`); a 400 names the fields.
 */
export type { ImportReport } from './api.js';
export * from './admin/session.js';
export * from './admin/admins.js';
export * from './admin/tenants.js';
export * from './admin/settings.js';
export * from './admin/smtp.js';
export * from './admin/templates.js';
export * from './admin/pages.js';
export * from './admin/users.js';
export * from './admin/deliveries.js';
export * from './admin/audit.js';
