// The API words its field problems in English. The ones an administrator meets most (the password policy, a name
// or e-mail already used) get a catalogue key, so they read in the interface's language; any other is shown as
// the server wrote it.
const KNOWN_PROBLEMS: Array<[RegExp, string]> = [
  [/must be at least (\d+) characters/, 'admin.problems.tooShort'],
  [/must be at most (\d+) characters/, 'admin.problems.tooLong'],
  [/must not be only spaces/, 'admin.problems.onlySpaces'],
  [/more than three different characters/, 'admin.problems.tooFewCharacters'],
  [/is too common/, 'admin.problems.tooCommon'],
  [/is already used|already exists/, 'admin.problems.alreadyUsed'],
  [/must be an email/, 'admin.problems.notEmail'],
  [/is not a phone number/, 'admin.problems.notPhone'],
  [/needs \d+ SMS parts/, 'admin.problems.tooManySmsParts'],
  [/must not be blank/, 'admin.problems.blank'],
  [/is not your current password/, 'admin.problems.notCurrentPassword'],
  [/must be an IANA time zone/, 'admin.problems.notTimeZone'],
  [/^(\d+) open or pending conversations are assigned/, 'admin.problems.teamHasOpenWork'],
  [/sends its verification codes through it/, 'admin.problems.verificationInbox'],
  [/holds \d+ conversations/, 'admin.problems.inboxHoldsConversations'],
];

export interface ProblemText {
  key: string;
  count?: number;
}

export function problemTextOf(message: string): ProblemText | null {
  for (const [pattern, key] of KNOWN_PROBLEMS) {
    const match = pattern.exec(message);
    if (match) return match[1] ? { key, count: Number(match[1]) } : { key };
  }
  return null;
}
