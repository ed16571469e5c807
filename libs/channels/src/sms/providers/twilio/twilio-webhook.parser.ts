import { AttachmentMetadata, InboundMessage } from '../../../channel-message.types';
import { DeliveryStatusUpdate } from '../../../delivery-status-update.types';
import { mapTwilioMessageStatus } from './twilio-status.mapper';

export type TwilioParameters = Record<string, string | undefined>;

export class TwilioPayloadError extends Error {}

// Twilio adds parameters without notice, so only the ones Wasl needs are read and nothing is required beyond them.
export function parseTwilioInboundSms(parameters: TwilioParameters): InboundMessage {
  const providerMessageId = parameters.MessageSid ?? parameters.SmsMessageSid ?? parameters.SmsSid;
  if (!providerMessageId || !parameters.From) throw new TwilioPayloadError('MessageSid and From are required');
  const mediaCount = Math.min(Number(parameters.NumMedia ?? 0) || 0, 10);
  const attachments: AttachmentMetadata[] = [];
  for (let index = 0; index < mediaCount; index += 1) {
    const url = parameters[`MediaUrl${index}`];
    if (url) attachments.push({ url, contentType: parameters[`MediaContentType${index}`] });
  }
  return {
    providerMessageId,
    sender: { phone: parameters.From, externalId: parameters.From },
    text: parameters.Body ?? '',
    attachments,
  };
}

export function parseTwilioStatusCallback(parameters: TwilioParameters): DeliveryStatusUpdate | undefined {
  const providerMessageId = parameters.MessageSid ?? parameters.SmsSid;
  const state = mapTwilioMessageStatus(parameters.MessageStatus ?? parameters.SmsStatus);
  if (!providerMessageId || !state) return undefined;
  return { providerMessageId, state, errorCode: parameters.ErrorCode || undefined };
}
