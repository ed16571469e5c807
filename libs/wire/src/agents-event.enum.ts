import { ConversationView, MessageView } from './conversation-view.types';

export const AGENTS_NAMESPACE = '/agents';

// Event names on the socket.io namespace /agents; staff clients subscribe to these.
export enum RealtimeEvent {
  ConversationCreated = 'conversation.created',
  ConversationUpdated = 'conversation.updated',
  MessageCreated = 'message.created',
  MessageUpdated = 'message.updated',
}

// What each event carries, as the server builds it (clients receive the Serialised form).
export interface RealtimeEventPayloads {
  [RealtimeEvent.ConversationCreated]: ConversationView;
  [RealtimeEvent.ConversationUpdated]: ConversationView;
  [RealtimeEvent.MessageCreated]: MessageView;
  [RealtimeEvent.MessageUpdated]: MessageView;
}
