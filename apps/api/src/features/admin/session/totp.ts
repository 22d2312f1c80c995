import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults every authenticator app knows: SHA-1, 6 digits, 30 s. */
const PERIOD_SECONDS = 30;
/** One step of clock drift either way. */
const TOLERANCE_SECONDS = 30;
const ISSUER = 'Guichet';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret, period: PERIOD_SECONDS });
}

/**
 * The time step of a valid code, or null. A code of a step at or before `afterStep` (the
 * last one accepted) is refused: a code seen once cannot be replayed.
 */
export async function checkTotp(
  secret: string,
  code: string,
  afterStep: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      period: PERIOD_SECONDS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
