export type JoiningForm = 'isolated' | 'final' | 'initial' | 'medial';

const FORMS: JoiningForm[] = ['isolated', 'final', 'initial', 'medial'];

// Arabic Presentation Forms-B (U+FE80–U+FEFC) in code point order: each letter's forms follow one another,
// isolated, final, then initial and medial for the letters that join on both sides. Checked against the Unicode
// decomposition tags (<isolated>, <final>, <initial>, <medial>).
const LETTER_FORM_COUNTS: number[] = [
  1, // hamza
  2,
  2,
  2,
  2, // alef with madda, alef with hamza above, waw with hamza, alef with hamza below
  4, // yeh with hamza
  2, // alef
  4, // beh
  2, // teh marbuta
  4,
  4,
  4,
  4,
  4, // teh, theh, jeem, hah, khah
  2,
  2,
  2,
  2, // dal, thal, reh, zain
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4,
  4, // seen … heh
  2,
  2, // waw, alef maqsura
  4, // yeh
  2,
  2,
  2,
  2, // the four lam-alef ligatures
];

const FORM_BY_CODE_POINT = new Map<number, JoiningForm>();
let codePoint = 0xfe80;
for (const count of LETTER_FORM_COUNTS) {
  for (let index = 0; index < count; index += 1) FORM_BY_CODE_POINT.set(codePoint + index, FORMS[index]);
  codePoint += count;
}

// The joining form a presentation-form letter encodes; undefined for base letters and everything else.
export function joiningFormOf(character: string): JoiningForm | undefined {
  return FORM_BY_CODE_POINT.get(character.codePointAt(0) ?? 0);
}
