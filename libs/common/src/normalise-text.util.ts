// Text from outside (webhooks, sockets, staff forms) is stored only after this: PostgreSQL refuses NUL in
// text, a lone surrogate becomes unreadable once encoded, and bidi overrides can make a stored line read as
// something else on an officer's screen. Marks an Arabic writer legitimately uses (LRM, RLM, ALM) are kept.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 and C1 controls except tab, line feed and carriage return; DEL.
const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/gu;
// Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;

export interface NormaliseTextOptions {
  // Names, ids and other one-line fields: line breaks and tabs become one space.
  singleLine?: boolean;
}

export function normaliseText(value: string, options: NormaliseTextOptions = {}): string {
  let text = value.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL_CHARACTERS, '').replace(BIDI_CONTROLS, '');
  text = text.replace(/\r\n?/g, '\n');
  if (options.singleLine) text = text.replace(LINE_BREAKS, ' ');
  return text.normalize('NFC');
}
