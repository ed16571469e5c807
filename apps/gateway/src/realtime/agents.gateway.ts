import { AuthService, INBOX_ROLES } from '@app/identity';
import { AGENTS_NAMESPACE, organisationRoom } from '@app/realtime';
import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';

// Staff realtime: connect with auth { token } (the same bearer token as the REST API). Each socket joins its
// organisation's room only, so one association never receives another's events.
@WebSocketGateway({ namespace: AGENTS_NAMESPACE, cors: { origin: true, credentials: true } })
export class AgentsGateway implements OnGatewayConnection {
  private readonly logger = new Logger(AgentsGateway.name);

  constructor(private readonly auth: AuthService) {}

  async handleConnection(socket: Socket): Promise<void> {
    const raw = socket.handshake.auth?.token ?? socket.handshake.headers.authorization;
    const token = typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : undefined;
    const user = token ? await this.auth.authenticate(token).catch(() => undefined) : undefined;
    if (!user || !INBOX_ROLES.includes(user.role)) {
      socket.emit('error', { code: 'UNAUTHENTICATED', message: 'A valid staff access token is required' });
      socket.disconnect(true);
      return;
    }
    socket.data.user = user;
    await socket.join(organisationRoom(user.organisationId));
    socket.emit('ready', { userId: user.id, organisationId: user.organisationId });
    this.logger.debug(`Agent ${user.id} connected`);
  }
}
