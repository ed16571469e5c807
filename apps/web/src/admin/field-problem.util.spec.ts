import { problemTextOf } from './field-problem.util';

describe('field problem wording', () => {
  it('should name the password policy’s answers with their limit, and leave unknown answers alone', () => {
    expect(problemTextOf('password must be at least 10 characters')).toEqual({ key: 'admin.problems.tooShort', count: 10 });
    expect(problemTextOf('password is too common; choose one that is not on lists of popular passwords')).toEqual({
      key: 'admin.problems.tooCommon',
    });
    expect(problemTextOf('is already used')).toEqual({ key: 'admin.problems.alreadyUsed' });
    expect(problemTextOf('must be an IANA time zone such as Asia/Riyadh')).toBeNull();
  });
});
