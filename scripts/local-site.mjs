// What the scripts and benchmarks that drive a browser share: which Chromium and how to start
// it, and the built site served locally under /causal-chat/ by tests/e2e/serve.mjs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium unless CHROME_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet Chromium on a machine that may have no GPU, no sandbox and no network beyond the site. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SERVER = fileURLToPath(new URL('../tests/e2e/serve.mjs', import.meta.url));

/** Resolves with `port` (0: any) once it could be bound and released again, or undefined. */
function tryPort(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : undefined;
      probe.close(() => resolve(chosen));
    });
  });
}

/** A TCP port nobody listens on now: `preferred` if it is free, else any. */
export async function findFreePort(preferred = 0) {
  const port = (await tryPort(preferred)) ?? (await tryPort(0));
  if (port === undefined) throw new Error('no free port');
  return port;
}

/** Serves the build in `dist` on `port` and resolves once it answers, with the server and the site's URL. */
export async function serveSite(dist, port) {
  const server = spawn(process.execPath, [SERVER], { env: { ...process.env, DIST_DIR: dist, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/causal-chat/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return { server, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill('SIGTERM');
  throw new Error(`the server did not answer at ${url}`);
}

/** Stops a server from `serveSite`: SIGTERM, then SIGKILL if open keep-alive connections hold it up. */
export async function stopSite(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 1000);
  await exited;
  clearTimeout(timer);
}
