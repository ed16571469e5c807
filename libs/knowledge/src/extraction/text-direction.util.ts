// Strong right-to-left letters: Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana.
const STRONG_RIGHT_TO_LEFT =
  /[\u0590-\u05FF\u0600-\u0608\u060B\u060D\u061B-\u064A\u066D-\u066F\u0671-\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FF\u0700-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
// Strong left-to-right: Latin letters and other alphabetic scripts written left to right. European digits are
// weak, but a number keeps its own left-to-right order inside Arabic text, so runs treat them as left to right.
const STRONG_LEFT_TO_RIGHT = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/u;
const LEFT_TO_RIGHT_RUN_MEMBER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF0-9\u0660-\u0669\u06F0-\u06F9]/u;

export function isStrongRightToLeft(character: string): boolean {
  return STRONG_RIGHT_TO_LEFT.test(character);
}

export function isStrongLeftToRight(character: string): boolean {
  return STRONG_LEFT_TO_RIGHT.test(character);
}

// Letters and digits that keep left-to-right order inside a right-to-left line.
export function keepsLeftToRightOrder(character: string): boolean {
  return LEFT_TO_RIGHT_RUN_MEMBER.test(character);
}

export function countStrong(text: string): { rightToLeft: number; leftToRight: number } {
  let rightToLeft = 0;
  let leftToRight = 0;
  for (const character of text) {
    if (isStrongRightToLeft(character)) rightToLeft += 1;
    else if (isStrongLeftToRight(character)) leftToRight += 1;
  }
  return { rightToLeft, leftToRight };
}

// Paired punctuation is drawn mirrored in right-to-left text; text stored in drawing order holds the other half.
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

export function mirrored(character: string): string {
  return MIRRORED[character] ?? character;
}
