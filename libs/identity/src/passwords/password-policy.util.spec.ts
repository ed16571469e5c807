import { passwordProblem } from './password-policy.util';

describe(passwordProblem.name, () => {
  it.each([
    'short',
    '          ',
    '\t\t\t\t\t\t\t\t\t\t',
    'password12',
    'Password2024!',
    'P@ssw0rd123',
    '1234567890',
    'qwertyuiop',
    'aaaaaaaaaaaa',
    'ababababab',
    'Bismillah2025',
    'riyadh12345',
  ])('should refuse %p', (password) => {
    expect(passwordProblem(password)).toEqual(expect.any(String));
  });

  it.each(['correct-horse-battery', 'pass-2f6c1d0e-61a4-4c55-9a59-1f0e0c7d3b1a', 'كلمة سر طويلة جدا', 'tea kettle 4 lighthouse'])(
    'should accept %p',
    (password) => {
      expect(passwordProblem(password)).toBeUndefined();
    },
  );
});
