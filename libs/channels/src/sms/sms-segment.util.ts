// The GSM 03.38 default alphabet; anything outside it (any Arabic letter) switches the whole message to UCS-2.
const GSM_BASIC_CHARACTERS = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Extension characters are sent as ESC + character, so each costs two septets.
const GSM_EXTENSION_CHARACTERS = new Set('^{}\\[~]|€\f');

const GSM_SINGLE_MESSAGE_SEPTETS = 160;
// The 6-byte concatenation header costs 7 septets in every part.
const GSM_CONCATENATED_SEGMENT_SEPTETS = 153;
// Arabic forces UCS-2: 70 characters fit one SMS, 67 per segment once concatenated.
const UCS2_SINGLE_MESSAGE_UNITS = 70;
const UCS2_CONCATENATED_SEGMENT_UNITS = 67;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  encoding: SmsEncoding;
  // Septets for GSM-7, UTF-16 code units for UCS-2: what the carrier counts.
  units: number;
  segments: number;
  // Capacity of one part at this length: 160/70 for a single message, 153/67 once it is split.
  unitsPerSegment: number;
  // Units still free in the last part before another one is needed.
  remainingInLastSegment: number;
}

function isGsmCharacter(character: string): boolean {
  return GSM_BASIC_CHARACTERS.has(character) || GSM_EXTENSION_CHARACTERS.has(character);
}

// Packs whole characters into parts: an escape pair or a surrogate pair is never split between two parts,
// which is how handsets and Twilio split, so a part may hold one unit less than its capacity.
function pack(costs: number[], single: number, concatenated: number): Omit<SmsLength, 'encoding'> {
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units <= single) return { units, segments: 1, unitsPerSegment: single, remainingInLastSegment: single - units };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > concatenated) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { units, segments, unitsPerSegment: concatenated, remainingInLastSegment: concatenated - used };
}

export function measureSms(text: string): SmsLength {
  const characters = Array.from(text);
  if (characters.every(isGsmCharacter)) {
    const costs = characters.map((character) => (GSM_EXTENSION_CHARACTERS.has(character) ? 2 : 1));
    return { encoding: 'GSM-7', ...pack(costs, GSM_SINGLE_MESSAGE_SEPTETS, GSM_CONCATENATED_SEGMENT_SEPTETS) };
  }
  // Characters outside the BMP (emoji) are surrogate pairs: two UCS-2 units each.
  const costs = characters.map((character) => character.length);
  return { encoding: 'UCS-2', ...pack(costs, UCS2_SINGLE_MESSAGE_UNITS, UCS2_CONCATENATED_SEGMENT_UNITS) };
}
