import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers: Record<string, string>;
}

export interface ReceivedCallback {
  body: string;
  signature: string | undefined;
  at: number;
}

// Stands in for the association's app at the other end of an API inbox: records what Wasl posts and
// answers with the status codes the test scripts.
export class CallbackServer {
  readonly received: ReceivedCallback[] = [];
  private statuses: Array<number | ScriptedAnswer> = [];
  private fallbackStatus = 200;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          body: Buffer.concat(chunks).toString(),
          signature: request.headers['x-wasl-signature'] as string | undefined,
          at: Date.now(),
        });
        const answer = this.statuses.shift() ?? this.fallbackStatus;
        if (typeof answer === 'number') response.writeHead(answer).end();
        else response.writeHead(answer.status, answer.headers).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/wasl-callback`;
    return this;
  }

  // The next answers, in order; after them, `then` for every request.
  script(statuses: Array<number | ScriptedAnswer>, then = 200): void {
    this.statuses = [...statuses];
    this.fallbackStatus = then;
  }

  forMessage(messageId: string): ReceivedCallback[] {
    return this.received.filter((callback) => (JSON.parse(callback.body) as { messageId: string }).messageId === messageId);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
