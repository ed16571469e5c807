import { AttachmentMetadata, InboundMessage } from '../../../channel-message.types';
import { DeliveryStatusUpdate } from '../../../delivery-status-update.types';
import { TwilioPayloadError, twilioFields } from './twilio-fields.util';
import { mapTwilioMessageStatus } from './twilio-status.mapper';

export { TwilioPayloadError } from './twilio-fields.util';

export type TwilioParameters = Record<string, string | undefined>;

// Twilio's maximum message body; longer inbound texts arrive already split.
const MAX_BODY_LENGTH = 1_600;
const MAX_MEDIA = 10;
const MAX_MEDIA_URL_LENGTH = 2_000;

// Twilio adds parameters without notice, so only the ones Wasl needs are read and nothing is required beyond them.
// Each one read is typed and length-checked as Twilio documents it; a message with no text and no media is refused.
export function parseTwilioInboundSms(parameters: TwilioParameters): InboundMessage {
  const providerMessageId =
    twilioFields.sid(parameters, 'MessageSid') ?? twilioFields.sid(parameters, 'SmsMessageSid') ?? twilioFields.sid(parameters, 'SmsSid');
  const from = twilioFields.address(parameters, 'From');
  if (!providerMessageId || !from) throw new TwilioPayloadError('MessageSid', 'and From are required');
  const mediaCount = twilioFields.integer(parameters, 'NumMedia', MAX_MEDIA) ?? 0;
  const attachments: AttachmentMetadata[] = [];
  for (let index = 0; index < mediaCount; index += 1) {
    const url = twilioFields.url(parameters, `MediaUrl${index}`, MAX_MEDIA_URL_LENGTH);
    if (url) attachments.push({ url, contentType: twilioFields.contentType(parameters, `MediaContentType${index}`) });
  }
  const text = twilioFields.text(parameters, 'Body', MAX_BODY_LENGTH);
  if (!text && attachments.length === 0) throw new TwilioPayloadError('Body', 'must not be blank without media');
  return { providerMessageId, sender: { phone: from, externalId: from }, text, attachments };
}

export function parseTwilioStatusCallback(parameters: TwilioParameters): DeliveryStatusUpdate | undefined {
  const providerMessageId = twilioFields.sid(parameters, 'MessageSid') ?? twilioFields.sid(parameters, 'SmsSid');
  const state = mapTwilioMessageStatus(parameters.MessageStatus ?? parameters.SmsStatus);
  if (!providerMessageId || !state) return undefined;
  // Twilio error codes are five digits; anything else is not kept on the message.
  const errorCode = /^\d{1,10}$/.test(parameters.ErrorCode ?? '') ? parameters.ErrorCode : undefined;
  return { providerMessageId, state, errorCode };
}
