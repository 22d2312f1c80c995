import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /**
   * The keys parsed once: jsonwebtoken (under @nestjs/jwt) given a PEM string parses it on
   * every signature and verification (about 2/3 of an ES256 verification's time).
   */
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as a JWK for `/.well-known/jwks.json`. */
  jwk: Record<string, string>;
}

/** ES256 key from JWT_PRIVATE_KEY; outside production, a generated one when unset. */
export function loadSigningKey(pem: string | undefined, production: boolean): SigningKey {
  let privateKey: KeyObject;
  if (pem) {
    privateKey = createPrivateKey(pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem);
  } else if (production) {
    throw new Error('JWT_PRIVATE_KEY is required in production (an EC P-256 private key in PEM)');
  } else {
    privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url')
    .slice(0, 16);
  return {
    kid,
    privateKey,
    publicKey,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwk: { ...jwk, kid, alg: 'ES256', use: 'sig' },
  };
}
