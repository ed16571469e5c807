import { FieldProblem } from '@app/common';

export enum WebChatRefusalCode {
  InboxNotFound = 'INBOX_NOT_FOUND',
  OriginRefused = 'ORIGIN_REFUSED',
  TokenInvalid = 'TOKEN_INVALID',
  IdentityInvalid = 'IDENTITY_INVALID',
  PreChatInvalid = 'PRE_CHAT_INVALID',
  SettingsInvalid = 'SETTINGS_INVALID',
  RateLimited = 'RATE_LIMITED',
  ValidationFailed = 'VALIDATION_FAILED',
  VerificationUnavailable = 'VERIFICATION_UNAVAILABLE',
  VerificationNotSent = 'VERIFICATION_NOT_SENT',
  CodeInvalid = 'CODE_INVALID',
}

// Why a web-chat connection or event was refused. Sent to the browser as `connect_error` data or an ack's `error`,
// so the widget can react (a stale token clears storage; a pre-chat problem highlights the field).
export class WebChatRefusal extends Error {
  constructor(
    readonly code: WebChatRefusalCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'WebChatRefusal';
  }

  toJSON(): { code: WebChatRefusalCode; message: string; fields?: FieldProblem[] } {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}
