import { WaslConfig } from '@app/config';
import { ALL_ROLES, AuthenticatedUser, AuthService, readCookie, SESSION_COOKIE, TeamsService, UserRole } from '@app/identity';
import { InboxAccessService } from '@app/inboxes';
import { redisOptionsFromUrl } from '@app/queue';
import {
  AgentsEnvelope,
  assignedTeamRoom,
  audienceMatcher,
  inboxRoom,
  OrganisationChannelSubscriber,
  organisationRoom,
  overseersRoom,
  staffSessionRoom,
  userRoom,
} from '@app/realtime';
import { AGENTS_NAMESPACE } from '@app/wire';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';

// setTimeout fires at once beyond 2^31-1 ms (about 24.8 days); longer waits are taken in steps.
const LONGEST_TIMER_MILLISECONDS = 2 ** 31 - 1;

// Rooms that grant reading conversations; refreshed when access changes.
const ACCESS_ROOM_PREFIXES = [inboxRoom(''), assignedTeamRoom(''), overseersRoom('')];
function isAccessRoom(room: string): boolean {
  return ACCESS_ROOM_PREFIXES.some((prefix) => room.startsWith(prefix));
}

interface AgentSocketData {
  user: AuthenticatedUser;
  sessionVersion: number;
  expiresAt: number;
  tokenId?: string;
}

// Staff realtime: connect with auth { token } (the same bearer token as the REST API). Each socket joins its
// organisation's room (presence), its user's room (assignments; deactivation disconnects every socket of the user
// through the Redis adapter) and the rooms of what it may read: the overseers' room for administrators and
// supervisors, its inboxes' rooms for an officer, its teams' rooms for researchers and the committee. So one
// association never receives another's events, and an officer never receives an inbox's messages they may not
// read. A socket lives only as long as its session: it is disconnected when the token expires, when the user is
// deactivated or their password is reset (at once, on every gateway), and when a periodic check finds the user
// inactive or with another role.
// Events reach a gateway on its organisations' Redis channels (RealtimePublisher), subscribed to while it holds a
// socket of that organisation, and are delivered here to the sockets whose rooms match the event's audience.
// Session endings and room changes still travel through socket.io's Redis adapter.
// CORS is answered per origin by RedisIoAdapter: only the staff origins (PUBLIC_URL, STAFF_ALLOWED_ORIGINS).
@WebSocketGateway({ namespace: AGENTS_NAMESPACE, cors: { origin: false } })
export class AgentsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(AgentsGateway.name);
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private recheckTimer?: NodeJS.Timeout;
  private readonly channels: OrganisationChannelSubscriber<Socket>;
  @WebSocketServer() private readonly namespace: Namespace;

  constructor(
    private readonly auth: AuthService,
    private readonly config: WaslConfig,
    private readonly inboxAccess: InboxAccessService,
    private readonly teams: TeamsService,
  ) {
    this.channels = new OrganisationChannelSubscriber<Socket>(
      redisOptionsFromUrl(config.redis.url),
      config.redis.queuePrefix,
      (organisationId, envelope, sockets) => this.deliver(organisationId, envelope, sockets),
    );
  }

  afterInit(): void {
    this.recheckTimer = setInterval(() => void this.recheckSessions(), this.config.security.staffSocketRecheckSeconds * 1000);
    this.recheckTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.recheckTimer);
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
    await this.channels.close();
  }

  async handleConnection(socket: Socket): Promise<void> {
    // The web app's browser sends its httpOnly session cookie with the handshake instead of a token.
    const raw =
      socket.handshake.auth?.token ?? socket.handshake.headers.authorization ?? readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    const token = typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : undefined;
    const session = token ? await this.auth.authenticateSession(token).catch(() => undefined) : undefined;
    // Every staff role: the committee has no conversations yet but follows its support requests live.
    if (!session || !ALL_ROLES.includes(session.user.role)) {
      socket.emit('error', { code: 'UNAUTHENTICATED', message: 'A valid staff access token is required' });
      socket.disconnect(true);
      return;
    }
    const { user } = session;
    const data: AgentSocketData = {
      user,
      sessionVersion: session.sessionVersion,
      expiresAt: session.expiresAt.getTime(),
      tokenId: session.tokenId,
    };
    socket.data = data;
    this.scheduleExpiry(socket, data.expiresAt);
    await socket.join([
      organisationRoom(user.organisationId),
      userRoom(user.id),
      ...(session.tokenId ? [staffSessionRoom(session.tokenId)] : []),
      ...(await this.accessRooms(user)),
    ]);
    await this.channels.hold(user.organisationId, socket);
    // Gone while subscribing: handleDisconnect has already run and would not release it.
    if (socket.disconnected) {
      this.channels.release(user.organisationId, socket);
      return;
    }
    // A deactivation, password change or logout that ended sessions while this socket was joining its rooms could
    // not reach it: check once more now that it can be reached.
    const confirmed = await this.auth.authenticateSession(token!).catch(() => undefined);
    if (!confirmed || confirmed.sessionVersion !== session.sessionVersion) {
      socket.emit('session.ended', { code: 'SESSION_ENDED' });
      socket.disconnect(true);
      return;
    }
    socket.emit('ready', { userId: user.id, organisationId: user.organisationId });
    this.logger.debug(`Agent ${user.id} connected`);
  }

  handleDisconnect(socket: Socket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
    const user = (socket.data as Partial<AgentSocketData> | undefined)?.user;
    if (user) this.channels.release(user.organisationId, socket);
  }

  // One event from the organisation's channel: the sockets of this gateway whose rooms match its audience, each once,
  // in one local broadcast (encoded once; never published back to Redis).
  private deliver(organisationId: string, envelope: AgentsEnvelope, sockets: ReadonlySet<Socket>): void {
    const matches = audienceMatcher(organisationId, envelope.audience);
    const recipients: string[] = [];
    for (const socket of sockets) if (matches(socket.rooms)) recipients.push(socket.id);
    if (recipients.length > 0) this.namespace.local.to(recipients).emit(envelope.event, envelope.payload);
  }

  // Ends every open socket of the user, on this gateway and every other one.
  endSessions(userId: string): void {
    this.namespace.in(userRoom(userId)).emit('session.ended', { code: 'SESSION_ENDED' });
    this.namespace.in(userRoom(userId)).disconnectSockets(true);
  }

  // Logout: the open sockets of that one token, on this gateway and every other one.
  endTokenSession(tokenId: string): void {
    this.namespace.in(staffSessionRoom(tokenId)).emit('session.ended', { code: 'SESSION_ENDED' });
    this.namespace.in(staffSessionRoom(tokenId)).disconnectSockets(true);
  }

  // After an inbox's access list or a user's teams changed: every open socket of these users, on any gateway, leaves
  // the rooms it may no longer read and joins the new ones.
  async refreshRooms(userIds: string[]): Promise<void> {
    try {
      for (const userId of new Set(userIds)) {
        const sockets = await this.namespace.in(userRoom(userId)).fetchSockets();
        const first = sockets[0];
        if (!first) continue;
        const wanted = new Set(await this.accessRooms((first.data as AgentSocketData).user));
        for (const socket of sockets) {
          const stale = [...socket.rooms].filter((room) => isAccessRoom(room) && !wanted.has(room));
          for (const room of stale) socket.leave(room);
          socket.join([...wanted]);
        }
      }
    } catch (error) {
      // The change is committed and every REST read already follows it; a socket that missed the move is corrected
      // when it reconnects.
      this.logger.warn(`Could not refresh staff socket rooms: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async accessRooms(user: AuthenticatedUser): Promise<string[]> {
    if (user.role === UserRole.Admin || user.role === UserRole.Supervisor) return [overseersRoom(user.organisationId)];
    if (user.role === UserRole.Officer) {
      return (await this.inboxAccess.inboxIdsVisibleTo(user.organisationId, user.id)).map(inboxRoom);
    }
    return (await this.teams.teamIdsOf(user.organisationId, user.id)).map(assignedTeamRoom);
  }

  // This gateway's sockets against the users table: one query for all of them per interval.
  async recheckSessions(): Promise<void> {
    const sockets = [...this.namespace.sockets.values()].filter((socket) => (socket.data as Partial<AgentSocketData>)?.user);
    if (sockets.length === 0) return;
    try {
      const data = sockets.map((socket) => socket.data as AgentSocketData);
      const [live, revoked] = await Promise.all([
        this.auth.liveSessions([...new Set(data.map((entry) => entry.user.id))]),
        this.auth.revokedAmong([...new Set(data.flatMap((entry) => (entry.tokenId ? [entry.tokenId] : [])))]),
      ]);
      for (const socket of sockets) {
        const { user, sessionVersion, tokenId } = socket.data as AgentSocketData;
        const current = live.get(user.id);
        const loggedOut = tokenId !== undefined && revoked.has(tokenId);
        if (!current || current.role !== user.role || current.sessionVersion !== sessionVersion || loggedOut) {
          this.end(socket, 'SESSION_ENDED');
        }
      }
    } catch (error) {
      // The database being briefly away is no reason to drop every officer; the next round checks again.
      this.logger.warn(`Could not re-check staff sockets: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private scheduleExpiry(socket: Socket, expiresAt: number): void {
    const timer = setTimeout(
      () => (Date.now() >= expiresAt ? this.end(socket, 'SESSION_EXPIRED') : this.scheduleExpiry(socket, expiresAt)),
      Math.min(Math.max(expiresAt - Date.now(), 0), LONGEST_TIMER_MILLISECONDS),
    );
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  private end(socket: Socket, code: 'SESSION_EXPIRED' | 'SESSION_ENDED'): void {
    socket.emit('session.ended', { code });
    socket.disconnect(true);
  }
}
