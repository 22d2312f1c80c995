import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { httpRequest } from './http.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  port: number;
  /** Where the process serves /metrics and detailed health (the port its env was given). */
  managementPort: number;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** Sends a signal and waits for the exit; returns the exit code (or signal). */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
  exited: Promise<number | string | null>;
}

export interface StartOptions {
  script: string;
  env: Record<string, string>;
  /** The port the process serves /health/live on. */
  healthPort: number;
  /** The MANAGEMENT_PORT (or WORKER_MANAGEMENT_PORT) the env carries, to reach /metrics. */
  managementPort?: number;
  cwd?: string;
  timeoutMs?: number;
}

/** Starts a Node process of ours (built dist) and waits until its /health/live answers. */
export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  const child = spawn(process.execPath, [options.script], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    try {
      const res = await httpRequest(options.healthPort, { path: '/health/live', timeoutMs: 1000 });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.script} did not become live:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (done) throw new Error(`${options.script} exited during start-up:\n${out}`);
  return {
    child,
    port: options.healthPort,
    managementPort: options.managementPort ?? 0,
    output: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The names under which the API and the worker read their health and management ports. */
export const PORT_ENV = {
  api: { health: 'PORT', management: 'MANAGEMENT_PORT' },
  worker: { health: 'WORKER_HEALTH_PORT', management: 'WORKER_MANAGEMENT_PORT' },
} as const;

export interface ServiceStart {
  script: string;
  /** The names its environment gives the two ports (`PORT_ENV.api`, `PORT_ENV.worker`). */
  portEnv: { health: string; management: string };
  /** Its environment, after the two ports (it may set them itself). */
  env: Record<string, string>;
  /** Its health port; a free one by default. */
  port?: number;
  /** Its management port; a free one by default, 0 for any (then unknown to the test). */
  managementPort?: number;
  timeoutMs?: number;
}

/** Starts the built API or worker (or any process of ours with two ports) and waits until it is live. */
export async function startService(options: ServiceStart): Promise<RunningProcess> {
  const port = options.port ?? (await freePort());
  const managementPort = options.managementPort ?? (await freePort());
  return startProcess({
    script: options.script,
    env: {
      [options.portEnv.health]: String(port),
      [options.portEnv.management]: String(managementPort),
      ...options.env,
    },
    healthPort: port,
    managementPort,
    timeoutMs: options.timeoutMs,
  });
}
