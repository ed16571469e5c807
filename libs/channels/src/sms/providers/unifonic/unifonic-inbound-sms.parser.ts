import { InboundMessage } from '../../../channel-message.types';
import { smsInboundFields } from '../../sms-inbound-fields.util';

// A concatenated SMS of ten UCS-2 parts is 670 characters; 1,600 (Twilio's bound) leaves room for GSM-7 texts.
const MAX_BODY_LENGTH = 1_600;

// Unifonic forwards a beneficiary's SMS to the number's inbound URL as form fields (or JSON) named like its
// delivery reports: MessageID, From (international, without "+"), To, Body, TimeCreated. The shape is not in
// reference/channels.md (§7.1 documents only the DLR): check it against the account's console before relying on
// more fields. Only these are read; anything else Unifonic adds is ignored.
export function parseUnifonicInboundSms(fields: Record<string, unknown>): InboundMessage {
  const providerMessageId = smsInboundFields.identifier(fields, 'MessageID');
  const from = smsInboundFields.internationalNumber(fields, 'From');
  smsInboundFields.address(fields, 'To');
  const text = smsInboundFields.text(fields, 'Body', MAX_BODY_LENGTH);
  const sentAt = smsInboundFields.timestamp(fields, 'TimeCreated');
  // The mobile network delivered the SMS from this number: an asserted identity, not a claim.
  return { providerMessageId, sender: { phone: from, externalId: from }, text, attachments: [], ...(sentAt ? { sentAt } : {}) };
}
