import { problemTextOf } from './field-problem.util';

describe('field problem wording', () => {
  it('should name the password policy’s answers with their limit, and leave unknown answers alone', () => {
    expect(problemTextOf('password must be at least 10 characters')).toEqual({ key: 'admin.problems.tooShort', count: 10 });
    expect(problemTextOf('password is too common; choose one that is not on lists of popular passwords')).toEqual({
      key: 'admin.problems.tooCommon',
    });
    expect(problemTextOf('is already used')).toEqual({ key: 'admin.problems.alreadyUsed' });
    expect(problemTextOf('must be an active sender name of at most 11 characters')).toBeNull();
  });

  it('should name the administration pages’ refusals, with the count where there is one', () => {
    expect(problemTextOf('must be an IANA time zone such as Asia/Riyadh')).toEqual({ key: 'admin.problems.notTimeZone' });
    expect(problemTextOf('name must not be blank')).toEqual({ key: 'admin.problems.blank' });
    expect(problemTextOf('currentPassword is not your current password')).toEqual({ key: 'admin.problems.notCurrentPassword' });
    expect(problemTextOf('3 open or pending conversations are assigned to this team; assign them first')).toEqual({
      key: 'admin.problems.teamHasOpenWork',
      count: 3,
    });
  });
});
