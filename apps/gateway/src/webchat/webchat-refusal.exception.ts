import { FieldProblem } from '@app/common';
import { WebChatRefusalCode, WebChatRefusalPayload } from '@app/wire';

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

  toJSON(): WebChatRefusalPayload {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}
