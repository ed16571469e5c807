import { SendRules } from '../channel-definition';
import { measureSms } from './sms-segment.util';

// Replies on these channels reach the beneficiary as SMS, so their length is counted in parts and bounded by
// SMS_MAX_PARTS: a long reply costs the association per part, and some handsets show more than a few badly.
export const SMS_SEND_RULES: SendRules = {
  measure(text, limits) {
    const length = measureSms(text);
    return { sms: { ...length, maxParts: limits.smsMaxParts, withinLimit: length.segments <= limits.smsMaxParts } };
  },
  check(text, limits) {
    const length = measureSms(text);
    if (length.segments <= limits.smsMaxParts) return [];
    return [
      { field: 'text', message: `needs ${length.segments} SMS parts (${length.encoding}); the most allowed is ${limits.smsMaxParts}` },
    ];
  },
};
