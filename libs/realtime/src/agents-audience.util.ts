import { assignedTeamRoom, inboxRoom, organisationRoom, overseersRoom, userRoom } from './agents-rooms.util';

// Who one /agents event is for, within its organisation. The gateway that holds a socket maps this to the rooms
// the socket joined for what it may read, so access stays decided in one place (the rooms) on every gateway.
export interface AgentsAudience {
  // Every staff socket of the organisation: only for events without conversation content.
  everyone?: true;
  // Administrators and supervisors.
  overseers?: true;
  // Officers on the inbox's access list.
  inboxId?: string;
  // The assignee, or the staff working a support request.
  userIds?: string[];
  // Researchers and the committee of the team the conversation is assigned to.
  teamId?: string;
}

// One event as it travels on an organisation's channel: published once, decoded only by gateways that hold a
// socket of that organisation.
export interface AgentsEnvelope {
  event: string;
  payload: unknown;
  audience: AgentsAudience;
}

// Scoped by the queue prefix, so deployments or test suites sharing one Redis never hear each other.
export function organisationChannel(queuePrefix: string, organisationId: string): string {
  return `${queuePrefix}:agents:organisation:${organisationId}`;
}

// The rooms that make up the audience; a socket in several of them is still sent the event once.
export function roomsOfAudience(organisationId: string, audience: AgentsAudience): string[] {
  if (audience.everyone) return [organisationRoom(organisationId)];
  return [
    ...(audience.overseers ? [overseersRoom(organisationId)] : []),
    ...(audience.inboxId ? [inboxRoom(audience.inboxId)] : []),
    ...[...new Set(audience.userIds ?? [])].map((userId) => userRoom(userId)),
    ...(audience.teamId ? [assignedTeamRoom(audience.teamId)] : []),
  ];
}

// Whether a socket, by the rooms it joined for what it may read, is part of the audience. Built once per event and
// asked once per socket of the organisation on this gateway.
export function audienceMatcher(organisationId: string, audience: AgentsAudience): (socketRooms: ReadonlySet<string>) => boolean {
  const rooms = roomsOfAudience(organisationId, audience);
  return (socketRooms) => rooms.some((room) => socketRooms.has(room));
}

function isOptionalId(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length > 0);
}

// A message that is not an envelope (another writer on the channel, a version mismatch) is dropped, never delivered
// to a wider audience than it names.
export function parseAgentsEnvelope(message: string): AgentsEnvelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  return envelopeOf(parsed);
}

// One PUBLISH holds one envelope, or an array of them in the order they were published: the events of one
// organisation published in the same turn of the event loop (a batch of applied messages) travel together, since
// each PUBLISH costs the publisher about 10 µs of client work whatever its size. Each element is checked on its own;
// undefined stands for a malformed one, and the whole answer is undefined when the message is not JSON.
export function parseAgentsMessage(message: string): Array<AgentsEnvelope | undefined> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) ? parsed.map(envelopeOf) : [envelopeOf(parsed)];
}

function envelopeOf(parsed: unknown): AgentsEnvelope | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { event, payload, audience } = parsed as Partial<AgentsEnvelope>;
  if (typeof event !== 'string' || event.length === 0 || typeof audience !== 'object' || audience === null) return undefined;
  const { everyone, overseers, inboxId, userIds, teamId } = audience;
  if (everyone !== undefined && everyone !== true) return undefined;
  if (overseers !== undefined && overseers !== true) return undefined;
  if (!isOptionalId(inboxId) || !isOptionalId(teamId)) return undefined;
  if (userIds !== undefined && (!Array.isArray(userIds) || !userIds.every((userId) => typeof userId === 'string' && userId.length > 0))) {
    return undefined;
  }
  return { event, payload, audience: { everyone, overseers, inboxId, userIds, teamId } };
}
