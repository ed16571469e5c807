import { actionKey, auditQueryOf, EMPTY_AUDIT_FILTERS, startOfDayIn } from './audit-log-filters.util';

describe('audit log filters', () => {
  it('should start a day at midnight in the organisation’s time zone', () => {
    expect(startOfDayIn('2026-03-20', 'Asia/Riyadh')).toBe('2026-03-19T21:00:00.000Z');
    expect(startOfDayIn('2026-03-20', 'UTC')).toBe('2026-03-20T00:00:00.000Z');
    expect(startOfDayIn('2026-03-31', 'Asia/Riyadh', 1)).toBe('2026-03-31T21:00:00.000Z');
    // Across a daylight-saving change: Europe/London is UTC+1 from 29 March 2026.
    expect(startOfDayIn('2026-03-30', 'Europe/London')).toBe('2026-03-29T23:00:00.000Z');
  });

  it('should send only the filters that are set, with the last day included', () => {
    expect(auditQueryOf(EMPTY_AUDIT_FILTERS, 'Asia/Riyadh')).toEqual({});
    expect(
      auditQueryOf(
        { ...EMPTY_AUDIT_FILTERS, action: 'contact.viewed', subjectId: ' abc ', fromDay: '2026-03-01', toDay: '2026-03-01' },
        'Asia/Riyadh',
      ),
    ).toEqual({ action: 'contact.viewed', subjectId: 'abc', from: '2026-02-28T21:00:00.000Z', to: '2026-03-01T21:00:00.000Z' });
  });

  it('should name actions by keys without dots', () => {
    expect(actionKey('auth.login_failed')).toBe('auth_login_failed');
  });
});
