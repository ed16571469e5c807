// The web chat protocol on the socket.io namespace /webchat. Browsers in the field speak these names, so keep them stable.
export enum WebChatEvent {
  Session = 'session',
  MessageSend = 'message:send',
  MessageNew = 'message:new',
  MessageStatus = 'message:status',
  Typing = 'typing',
  History = 'history',
}

export const WEBCHAT_NAMESPACE = '/webchat';
