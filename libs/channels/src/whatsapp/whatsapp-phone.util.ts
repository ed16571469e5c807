// A WhatsApp id (wa_id, or the number part of a `<number>@c.us` chat id) is the sender's phone number in
// international form without the plus: the same person writing by SMS is the same contact (E.164).
const WA_ID = /^\+?([1-9]\d{6,14})$/;

export function phoneOfWhatsAppId(waId: unknown): string | undefined {
  if (typeof waId !== 'string') return undefined;
  const match = WA_ID.exec(waId.trim());
  return match ? `+${match[1]}` : undefined;
}

// Meta prepends the business number's country code when the plus is missing (reference/channels.md §4.5): always
// send the full international number.
export function whatsAppRecipientOf(phone: string | undefined): string | undefined {
  const e164 = phoneOfWhatsAppId(phone);
  return e164 ? e164.slice(1) : undefined;
}
