/**
 * The platform's rate limits (per client address), kept in Redis. Failures-only limits
 * count wrong answers (a campus behind one NAT address signs in all day without reaching
 * them); request limits count every request of endpoints that send email or search.
 */
export const RATE_LIMITS = {
  /** Wrong sign-ins from one address: then 429 for `blockSeconds`. */
  'login-ip': { points: 100, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /**
   * Wrong admin sign-ins (password or second-factor code) from one address. Apart from the
   * portals' budget and tighter: an office has a few administrators, not a campus of users.
   */
  'admin-login-ip': { points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Forgot-password and enrolment requests from one address. */
  'recovery-ip': { points: 50, durationSeconds: 10 * 60, blockSeconds: 10 * 60 },
  /** Invalid reset tokens from one address. */
  'reset-ip': { points: 100, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Username lookups from one address. */
  'lookup-ip': { points: 10, durationSeconds: 5 * 60, blockSeconds: 5 * 60 },
  /** Test emails one admin sends for one tenant (to their own address): enough to try a few settings. */
  'smtp-test': { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60, what: 'test emails' },
  /**
   * Link emails (reset, enrolment) one account receives in an hour on the requests of one
   * requester (a client address, or an admin): strangers from one address spend their own
   * share, never the owner's. Across addresses, the links are bounded by keeping the live
   * link (a repeat request while it is valid sends nothing): one per link lifetime.
   */
  'account-email': { points: 3, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** "Already registered" notices (no link, not a way in) one account receives in an hour, whoever asks. */
  'account-notice': { points: 3, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Token endpoint requests from one address (an application's server signs many people in). */
  'oidc-token-ip': {
    points: 600,
    durationSeconds: 60,
    blockSeconds: 60,
    what: 'token requests from your network',
  },
  /** Failed client authentications (wrong client secret) at the token endpoint from one address. */
  'oidc-client-auth-ip': { points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Failed SCIM bearer authentications, per tenant and client address. */
  'scim-auth-ip': { points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;
