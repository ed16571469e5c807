// The web chat protocol on the socket.io namespace /webchat. Browsers in the field speak these names, so keep them stable.
export enum WebChatEvent {
  Session = 'session',
  MessageSend = 'message:send',
  MessageNew = 'message:new',
  MessageStatus = 'message:status',
  Typing = 'typing',
  History = 'history',
  // A visitor proves their mobile number: a code by SMS, then the code back (answered with a new session).
  VerificationRequest = 'verification:request',
  VerificationConfirm = 'verification:confirm',
}

export const WEBCHAT_NAMESPACE = '/webchat';
