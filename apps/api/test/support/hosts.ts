/** Who and where the API tests talk to: the seeded platform admin, the two seeded tenants' hosts, the admin host. */
export const ADMIN = { email: 'root@guichet.test', password: 'correct horse battery staple' };
export const CEGEP = 'cegepdeseptiles.localhost:3000';
export const MONTEREGIE = 'monteregie.localhost:3000';
export const ADMIN_HOST = 'admin.localhost:3000';
/** Shared by the API processes and the tests (which decrypt outbox tokens to follow links). */
export const TEST_DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
