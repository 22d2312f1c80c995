// The floor rows of `pnpm bench`: bare NestJS (hello-nest.mjs) answering with the very body and
// headers the API gave on a route, so that a row's ratio can be read against what the framework
// alone costs to send that payload and those headers (none of our hooks, guards or lookups).
import { fork } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';

/** Headers the server writes by itself; every other header of the API's answer is replayed. */
const OWN = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** One GET over loopback: status, headers (as sent, minus the server's own), body. */
function capture(port, path, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const kept = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i].toLowerCase();
          if (OWN.has(name)) continue;
          const value = res.rawHeaders[i + 1];
          kept[name] = name in kept ? [kept[name], value].flat() : value;
        }
        resolve({ status: res.statusCode, headers: kept, body: Buffer.concat(chunks).toString() });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Starts bare Nest on `port` with one route per entry of `routes` ({ floorPath: [apiPath,
 * headers] }), each answering what the API answered on `apiPath` (captured once).
 */
export async function startFloor({ env, apiPort, port, routes, children }) {
  const answers = {};
  for (const [floorPath, [path, headers]] of Object.entries(routes))
    answers[floorPath] = await capture(apiPort, path, headers);
  children.push(
    fork(join(import.meta.dirname, 'hello-nest.mjs'), {
      env: { ...env, PORT: String(port), FLOOR_ANSWERS: JSON.stringify(answers) },
      stdio: 'ignore',
    }),
  );
}
