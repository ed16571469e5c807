import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// A port the kernel hands out for port 0 is free at that moment. A fixed or random port could already belong to
// another Wasl, and the bench would measure it.
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('could not read the free port');
  return address.port;
}

// Waits until the server the bench started answers at url. If that child exits first (someone took the port
// between freePort and its listen), whatever answers there is not ours: fail instead of measuring it.
export async function waitForOwnServer(child: ChildProcess, url: string, what: string, timeoutMilliseconds = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready (is its port taken?)`);
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    // Checked again after the answer: a child that died meanwhile did not give it.
    if (ready && child.exitCode === null && child.signalCode === null) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
