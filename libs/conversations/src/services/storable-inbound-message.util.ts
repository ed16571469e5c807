import { AttachmentMetadata, InboundMessage } from '@app/channels';
import { ApiException, FieldProblem, isStorableAttachmentUrl, normaliseText } from '@app/common';

// The widths of the columns these values end up in (inbound_events, messages, contacts, contact_identities).
const MAX_PROVIDER_MESSAGE_ID_LENGTH = 200;
const MAX_SENDER_FIELD_LENGTH = 320;
const MAX_SENDER_NAME_LENGTH = 200;
const MAX_TEXT_LENGTH = 20_000;
const MAX_ATTACHMENTS = 10;
const MAX_FILE_NAME_LENGTH = 200;
const MAX_SENT_AT_LENGTH = 40;
// Ids are compared and shown, never edited: any control, format or surrogate character makes one unusable.
const IDENTIFIER = /^[^\p{C}]+$/u;
const CONTENT_TYPE = /^[\w.+-]{1,50}\/[\w.+-]{1,50}$/;
const PROVIDER_MEDIA_ID = /^[\w.:@-]{1,200}$/;

// The last gate before a message is stored, whatever channel it came from: every field the worker later writes
// is normalised and checked here, so an accepted (acknowledged) message can always be applied, and one bad
// message is refused alone instead of failing a shared multi-row INSERT. `allowedOrigins` are the inbox's own
// configured provider addresses, the only private hosts an attachment URL may point to.
export function toStorableInboundMessage(message: InboundMessage, allowedOrigins: string[] = []): InboundMessage {
  const problems: FieldProblem[] = [];
  const providerMessageId = typeof message.providerMessageId === 'string' ? message.providerMessageId : '';
  if (!IDENTIFIER.test(providerMessageId) || providerMessageId.length > MAX_PROVIDER_MESSAGE_ID_LENGTH) {
    problems.push({ field: 'messageId', message: `must be 1 to ${MAX_PROVIDER_MESSAGE_ID_LENGTH} printable characters` });
  }
  const sender: Record<string, string> = {};
  for (const [field, value] of Object.entries(message.sender ?? {})) {
    if (value === undefined || value === null) continue;
    const clean = typeof value === 'string' ? normaliseText(value, { singleLine: true }).trim() : '';
    if (field === 'name') {
      if (clean) sender.name = clean.slice(0, MAX_SENDER_NAME_LENGTH);
    } else if (!clean && value !== '') {
      problems.push({ field: `sender.${field}`, message: 'must be non-blank text' });
    } else if (clean.length > MAX_SENDER_FIELD_LENGTH) {
      problems.push({ field: `sender.${field}`, message: `must be at most ${MAX_SENDER_FIELD_LENGTH} characters` });
    } else if (clean) {
      sender[field] = clean;
    }
  }
  const text = typeof message.text === 'string' ? normaliseText(message.text).trim() : '';
  if (text.length > MAX_TEXT_LENGTH) problems.push({ field: 'text', message: `must be at most ${MAX_TEXT_LENGTH} characters` });
  const attachments = (Array.isArray(message.attachments) ? message.attachments : []).map((attachment, index) =>
    storableAttachment(attachment, `attachments.${index}`, allowedOrigins, problems),
  );
  if (attachments.length > MAX_ATTACHMENTS) problems.push({ field: 'attachments', message: `must be at most ${MAX_ATTACHMENTS}` });
  if (!text && attachments.length === 0) problems.push({ field: 'text', message: 'must not be blank' });
  const sentAt =
    typeof message.sentAt === 'string' && message.sentAt.length <= MAX_SENT_AT_LENGTH && !Number.isNaN(Date.parse(message.sentAt))
      ? message.sentAt
      : undefined;
  if (problems.length > 0) throw ApiException.validation(problems);
  return { providerMessageId, sender, text, attachments, ...(sentAt ? { sentAt } : {}) };
}

function storableAttachment(attachment: AttachmentMetadata, field: string, allowedOrigins: string[], problems: FieldProblem[]) {
  const stored: AttachmentMetadata = {};
  if (attachment.url !== undefined) {
    if (typeof attachment.url === 'string' && isStorableAttachmentUrl(attachment.url, allowedOrigins)) stored.url = attachment.url;
    else problems.push({ field: `${field}.url`, message: 'must be a public http(s) address' });
  }
  if (attachment.contentType !== undefined) {
    if (typeof attachment.contentType === 'string' && CONTENT_TYPE.test(attachment.contentType))
      stored.contentType = attachment.contentType;
    else problems.push({ field: `${field}.contentType`, message: 'must be a media type' });
  }
  if (typeof attachment.fileName === 'string') {
    const fileName = normaliseText(attachment.fileName, { singleLine: true }).trim().slice(0, MAX_FILE_NAME_LENGTH);
    if (fileName) stored.fileName = fileName;
  }
  // A file the worker fetches from the channel later (the definition's media source): an id, never a URL.
  if (attachment.providerMediaId !== undefined) {
    if (typeof attachment.providerMediaId === 'string' && PROVIDER_MEDIA_ID.test(attachment.providerMediaId))
      stored.providerMediaId = attachment.providerMediaId;
    else problems.push({ field: `${field}.providerMediaId`, message: 'must be 1 to 200 letters, digits or ._-:@' });
  }
  if (attachment.voice === true) stored.voice = true;
  if (attachment.sizeBytes !== undefined) {
    if (Number.isSafeInteger(attachment.sizeBytes) && attachment.sizeBytes >= 0) stored.sizeBytes = attachment.sizeBytes;
    else problems.push({ field: `${field}.sizeBytes`, message: 'must be a whole number of bytes' });
  }
  return stored;
}
