import type { ConversationView, MessageView, Serialised } from '@app/wire';
import type { Conversation, Message } from '../api/api-client';

// The /agents events carry the same views as the REST API (libs/wire); the generated client (OpenAPI) spells their
// enums out. These fail to compile when the two drift apart: a field added to a view and not to the document, or
// the reverse.
type Agrees<Client, View> = [keyof Client] extends [keyof View]
  ? [keyof View] extends [keyof Client]
    ? Client extends View
      ? true
      : false
    : false
  : false;
type Assert<Condition extends true> = Condition;

export type ConversationPayloadInStep = Assert<Agrees<Conversation, Serialised<ConversationView>>>;
export type MessagePayloadInStep = Assert<Agrees<Message, Serialised<MessageView>>>;
