// Event names on the socket.io namespace /agents; staff clients subscribe to these.
export enum RealtimeEvent {
  ConversationCreated = 'conversation.created',
  ConversationUpdated = 'conversation.updated',
  MessageCreated = 'message.created',
  MessageUpdated = 'message.updated',
}

export const AGENTS_NAMESPACE = '/agents';

export function organisationRoom(organisationId: string): string {
  return `organisation:${organisationId}`;
}
