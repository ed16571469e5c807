import { InboundMessage } from '../../../channel-message.types';
import { smsInboundFields } from '../../sms-inbound-fields.util';

// A concatenated SMS of ten UCS-2 parts is 670 characters; 1,600 (Twilio's bound) leaves room for GSM-7 texts.
const MAX_BODY_LENGTH = 1_600;

// Taqnyat posts a beneficiary's SMS as JSON named like its send API: messageId, from (international, without
// "+"), to, body, receivedAt. reference/channels.md §7.2 documents no Taqnyat webhook at all, so this shape is
// Wasl's contract for the number's forwarding URL; check it against the account before relying on more fields.
export function parseTaqnyatInboundSms(fields: Record<string, unknown>): InboundMessage {
  const providerMessageId = smsInboundFields.identifier(fields, 'messageId');
  const from = smsInboundFields.internationalNumber(fields, 'from');
  smsInboundFields.address(fields, 'to');
  const text = smsInboundFields.text(fields, 'body', MAX_BODY_LENGTH);
  const sentAt = smsInboundFields.timestamp(fields, 'receivedAt');
  // The mobile network delivered the SMS from this number: an asserted identity, not a claim.
  return { providerMessageId, sender: { phone: from, externalId: from }, text, attachments: [], ...(sentAt ? { sentAt } : {}) };
}
