import { config } from 'zod';

// No `new Function` in zod: the API's CSP has no 'unsafe-eval', and zod's probe for it
// would be reported as a violation in the console. It must run before any schema is
// built (schemas decide at construction), so main.tsx imports this module first.
config({ jitless: true });
