/**
 * Conditions and column lists that more than one statement uses, named once. Each takes the
 * alias of its table as it stands in the statement.
 */

/** An emailed link that can still be used: not consumed, not voided, not expired. */
export const liveActionToken = (t: string): string =>
  `${t}.consumed_at IS NULL AND ${t}.voided_at IS NULL AND ${t}.expires_at > now()`;

/** Its inverse, as the portal tells it: voided or past its expiry (a consumed one is "used"). */
export const expiredActionToken = (t: string): string =>
  `(${t}.voided_at IS NOT NULL OR ${t}.expires_at <= now())`;

/** Not yet used, still able to be voided by a newer link or a change of the account. */
export const pendingActionToken = (t: string): string =>
  `${t}.consumed_at IS NULL AND ${t}.voided_at IS NULL`;

/** Whether the delivery `d` carries a link that can still be used (its action token is live). */
export const deliveryLinkValid = (d: string): string =>
  `EXISTS (SELECT 1 FROM action_tokens t WHERE t.id = ${d}.action_token_id AND t.tenant_id = ${d}.tenant_id AND ${liveActionToken('t')})`;

/** A refresh session that may still be used to stay signed in (not revoked, not expired). */
export const liveSession = (s: string): string =>
  `${s}.revoked_at IS NULL AND ${s}.expires_at > now()`;

/** The account as the portal, the API and the emails show it (`UserView`). */
export const userViewColumns = (u: string): string =>
  `${u}.id, ${u}.username, ${u}.first_name AS "firstName", ${u}.last_name AS "lastName", ${u}.email`;

/** `UsersRepository.activeWithEnrolment`'s columns (also read beside an access token, oidc-payloads). */
export const activeWithEnrolmentColumns = (u: string): string =>
  `${userViewColumns(u)}, ${u}.enrolled_at IS NOT NULL AS enrolled`;

/** `userViewColumns` with the password state that sign-in and resets read. */
export const userCredentialColumns = (u: string): string =>
  `${userViewColumns(u)}, ${u}.password_hash AS "passwordHash", ${u}.password_history AS "passwordHistory"`;
