import { loadConfigOrExit } from './config/config.js';
import { createApp } from './bootstrap.js';

const config = loadConfigOrExit();
const app = await createApp(config);
await app.listen({ port: config.PORT, host: config.HOST });
