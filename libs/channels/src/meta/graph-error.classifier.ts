import { ChannelError, ChannelErrorCode } from '../channel-error';

// Meta's error codes (WhatsApp Cloud API, Messenger, Instagram) onto Wasl's closed set; the human reason is kept
// for the officer. Codes from reference/channels.md §4.4–4.6 and Meta's error-code pages.
const GRAPH_ERROR_CODES: Record<number, { code: ChannelErrorCode; reason: string }> = {
  // Credentials: the administrator's to fix; retrying only burns attempts.
  190: { code: ChannelErrorCode.AuthInvalid, reason: 'The access token is invalid or has expired' },
  10: { code: ChannelErrorCode.AuthInvalid, reason: 'The app lacks the permission for this number' },
  200: { code: ChannelErrorCode.AuthInvalid, reason: 'The app lacks the permission for this number' },
  // Throughput: the number's messages per second (130429), one recipient too often (131056), spam limit.
  4: { code: ChannelErrorCode.RateLimited, reason: 'Too many calls to the Graph API' },
  80007: { code: ChannelErrorCode.RateLimited, reason: 'Too many calls to the WhatsApp Business account' },
  130429: { code: ChannelErrorCode.RateLimited, reason: "The number's throughput limit was reached" },
  131056: { code: ChannelErrorCode.RateLimited, reason: 'Too many messages to this beneficiary in a short time' },
  131048: { code: ChannelErrorCode.RateLimited, reason: 'Sending is limited for this number (spam rate limit)' },
  // The beneficiary cannot get this message: another try changes nothing.
  131047: {
    code: ChannelErrorCode.RecipientInvalid,
    reason: 'More than 24 hours since the beneficiary last wrote: only an approved template can be sent',
  },
  131026: { code: ChannelErrorCode.RecipientInvalid, reason: 'The message could not be delivered to this number' },
  131049: { code: ChannelErrorCode.RecipientInvalid, reason: 'Meta held the message back to protect engagement' },
  131050: { code: ChannelErrorCode.RecipientInvalid, reason: 'The beneficiary stopped marketing messages' },
  131051: { code: ChannelErrorCode.RecipientInvalid, reason: 'This message type is not supported' },
  131052: { code: ChannelErrorCode.Temporary, reason: "The beneficiary's media could not be downloaded" },
  131053: { code: ChannelErrorCode.RecipientInvalid, reason: 'The media could not be uploaded' },
  100: { code: ChannelErrorCode.RecipientInvalid, reason: 'A parameter of the message is invalid' },
  551: { code: ChannelErrorCode.RecipientInvalid, reason: 'This person is not available right now' },
  2018278: { code: ChannelErrorCode.RecipientInvalid, reason: 'Outside the messaging window, and no tag allows it' },
  // Templates: the administrator's to fix (sync the templates, check the parameters).
  132000: { code: ChannelErrorCode.AuthInvalid, reason: "The template's parameters do not match its placeholders" },
  132001: { code: ChannelErrorCode.AuthInvalid, reason: 'The template does not exist in this language' },
  132005: { code: ChannelErrorCode.AuthInvalid, reason: 'The filled template is too long' },
  132007: { code: ChannelErrorCode.AuthInvalid, reason: "The template's content breaks a WhatsApp policy" },
  132012: { code: ChannelErrorCode.AuthInvalid, reason: "The template's parameters have the wrong format" },
  132015: { code: ChannelErrorCode.AuthInvalid, reason: 'The template is paused' },
  132016: { code: ChannelErrorCode.AuthInvalid, reason: 'The template is disabled' },
  133010: { code: ChannelErrorCode.AuthInvalid, reason: 'The phone number is not registered with the Cloud API' },
  // Meta's side.
  1: { code: ChannelErrorCode.Temporary, reason: 'The Graph API had an unknown problem' },
  2: { code: ChannelErrorCode.Temporary, reason: 'The Graph API is temporarily unavailable' },
  131000: { code: ChannelErrorCode.Temporary, reason: 'Something went wrong at WhatsApp' },
  131016: { code: ChannelErrorCode.Temporary, reason: 'WhatsApp is overloaded' },
  133004: { code: ChannelErrorCode.Temporary, reason: 'WhatsApp is temporarily unavailable' },
};

export interface GraphErrorBody {
  error?: { code?: number; error_subcode?: number; message?: string; title?: string };
}

export interface GraphErrorDetail {
  code?: number | string;
  title?: string;
  message?: string;
}

// A Graph error as the officer reads it: Meta's known code with Wasl's reason, else the HTTP status class.
export function graphErrorOf(status: number, body: GraphErrorBody | undefined, retryAfterHeader?: string | string[]): ChannelError {
  const code = typeof body?.error?.code === 'number' ? body.error.code : undefined;
  const subcode = body?.error?.error_subcode;
  const known = (subcode !== undefined && GRAPH_ERROR_CODES[subcode]) || (code !== undefined ? GRAPH_ERROR_CODES[code] : undefined);
  const retryAfter = Number(Array.isArray(retryAfterHeader) ? retryAfterHeader[0] : retryAfterHeader) || undefined;
  const label = code !== undefined ? ` (Meta error ${subcode && GRAPH_ERROR_CODES[subcode] ? subcode : code})` : '';
  if (known) return new ChannelError(known.code, `${known.reason}${label}`, retryAfter);
  if (status === 429) return new ChannelError(ChannelErrorCode.RateLimited, `Meta answered HTTP 429${label}`, retryAfter);
  if (status === 401 || status === 403) return new ChannelError(ChannelErrorCode.AuthInvalid, `Meta refused the credentials${label}`);
  if (status >= 500) return new ChannelError(ChannelErrorCode.Temporary, `Meta answered HTTP ${status}${label}`);
  return new ChannelError(ChannelErrorCode.Unknown, `Meta answered HTTP ${status}${label}`);
}

// A failed status webhook's error (statuses[].errors[]): the vendor's code and a reason an officer can act on.
export function graphStatusFailure(errors: GraphErrorDetail[] | undefined): { errorCode?: string; reason?: string } {
  const first = errors?.[0];
  if (!first) return {};
  const code = Number(first.code);
  const known = Number.isSafeInteger(code) ? GRAPH_ERROR_CODES[code] : undefined;
  const given = typeof first.title === 'string' ? first.title : typeof first.message === 'string' ? first.message : undefined;
  return {
    errorCode: first.code === undefined ? undefined : String(first.code).slice(0, 20),
    reason: (known?.reason ?? given)?.slice(0, 300),
  };
}
