// The six-digit code in a verification SMS («…في «اسم المحادثة»: 123456»). The code follows the colon after the
// chat's name: a name that happens to hold six digits (a random suffix in the tests) must not be read as the code.
export function codeIn(body: string): string {
  const found = /:\s*(\d{6})\s*$/m.exec(body);
  if (!found) throw new Error(`No verification code in: ${body}`);
  return found[1];
}
