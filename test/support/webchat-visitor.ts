import type { WebChatMessagePayload } from '@app/wire';
import { io, Socket } from 'socket.io-client';

export interface WebChatSession {
  visitorToken: string;
  contactId: string;
  conversationId?: string;
}

export interface WebChatRefusalData {
  code: string;
  message: string;
  fields?: Array<{ field: string; message: string }>;
}

// The server's own message:new payload type, so the tests read the protocol as it is declared.
export type WebChatMessage = WebChatMessagePayload;

// A web-chat visitor speaking the /webchat protocol, as the widget does, for socket-level tests.
export class WebChatVisitor {
  readonly received: WebChatMessage[] = [];
  readonly statuses: Array<{ id: string; status: string }> = [];
  readonly typing: Array<{ sender: string; agentName?: string }> = [];

  private constructor(
    readonly socket: Socket,
    readonly session: WebChatSession,
  ) {
    socket.on('message:new', (message: WebChatMessage) => this.received.push(message));
    socket.on('message:status', (status: { id: string; status: string }) => this.statuses.push(status));
    socket.on('typing', (typing: { sender: string }) => this.typing.push(typing));
  }

  static connect(url: string, auth: Record<string, unknown>, origin = 'https://www.example.org'): Promise<WebChatVisitor> {
    return new Promise((resolve, reject) => {
      const socket = io(`${url}/webchat`, {
        auth,
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin },
      });
      // Listeners for message:new are attached before the session arrives, so nothing emitted early is missed.
      const visitor = { value: undefined as WebChatVisitor | undefined };
      socket.once('session', (session: WebChatSession) => {
        visitor.value = new WebChatVisitor(socket, session);
        resolve(visitor.value);
      });
      socket.once('connect_error', (error: Error & { data?: WebChatRefusalData }) => {
        socket.close();
        reject(Object.assign(new Error(error.message), { data: error.data }));
      });
    });
  }

  static async refusal(url: string, auth: Record<string, unknown>, origin?: string): Promise<WebChatRefusalData> {
    try {
      const visitor = await WebChatVisitor.connect(url, auth, origin);
      visitor.close();
    } catch (error) {
      return (error as { data: WebChatRefusalData }).data;
    }
    throw new Error('the connection was accepted');
  }

  send(clientMessageId: string, text: string, attachments?: unknown[]): Promise<{ id?: string; error?: WebChatRefusalData }> {
    return this.socket.timeout(5_000).emitWithAck('message:send', { clientMessageId, text, ...(attachments ? { attachments } : {}) });
  }

  history(): Promise<WebChatMessage[]> {
    return this.socket.timeout(5_000).emitWithAck('history');
  }

  report(ids: string[], status: 'delivered' | 'read'): Promise<{ updated?: number }> {
    return this.socket.timeout(5_000).emitWithAck('message:status', { ids, status });
  }

  close(): void {
    this.socket.close();
  }
}
