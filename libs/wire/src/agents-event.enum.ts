import { ConversationView, MessageView } from './conversation-view.types';

export const AGENTS_NAMESPACE = '/agents';

// Event names on the socket.io namespace /agents; staff clients subscribe to these.
export enum RealtimeEvent {
  ConversationCreated = 'conversation.created',
  ConversationUpdated = 'conversation.updated',
  MessageCreated = 'message.created',
  MessageUpdated = 'message.updated',
  // Support requests: ids, number and state only (no beneficiary data); clients read the request through the API.
  RequestCreated = 'request.created',
  RequestUpdated = 'request.updated',
  RequestDeadlineNear = 'request.deadline_near',
}

// A support request's event: which request, its number and state; nothing about the beneficiary.
export interface RequestEventView {
  id: string;
  number: number;
  state: string;
}

// What each event carries, as the server builds it (clients receive the Serialised form).
export interface RealtimeEventPayloads {
  [RealtimeEvent.ConversationCreated]: ConversationView;
  [RealtimeEvent.ConversationUpdated]: ConversationView;
  [RealtimeEvent.MessageCreated]: MessageView;
  [RealtimeEvent.MessageUpdated]: MessageView;
  [RealtimeEvent.RequestCreated]: RequestEventView;
  [RealtimeEvent.RequestUpdated]: RequestEventView;
  [RealtimeEvent.RequestDeadlineNear]: RequestEventView;
}
