import { CommitteeOutcome } from '../entities/support-request.entity';
import { RequestSettings } from '../entities/request-settings.entity';
import { quorumDecision, RequestWorkflowService } from './request-workflow.service';

describe(RequestWorkflowService.name, () => {
  // answerDay is pure: the service's collaborators are not needed for it.
  const sut = Object.create(RequestWorkflowService.prototype) as RequestWorkflowService;
  const settings = (answerDays: number) => ({ answerDays }) as RequestSettings;
  // 2026-02-01 09:00 in Riyadh.
  const now = new Date('2026-02-01T06:00:00Z');

  it('should announce the organisation’s period from today when the request was just submitted', () => {
    expect(sut.answerDay(settings(21), now, now)).toBe('2026-02-22');
    expect(sut.answerDay(settings(14), now, now)).toBe('2026-02-15');
  });

  it('should never announce fewer than 14 days, even if a setting below the floor reached the database', () => {
    expect(sut.answerDay(settings(7), now, now)).toBe('2026-02-15');
  });

  it('should count 14 days from the submission when that is later (a request submitted after the committee was told)', () => {
    const submittedLater = new Date('2026-03-01T06:00:00Z');
    expect(sut.answerDay(settings(14), submittedLater, now)).toBe('2026-03-15');
  });

  it('should take the Riyadh day: 23:30 Riyadh on 31 January is still 31 January', () => {
    const lateEvening = new Date('2026-01-31T20:30:00Z');
    expect(sut.answerDay(settings(14), lateEvening, lateEvening)).toBe('2026-02-14');
  });
});

describe(quorumDecision.name, () => {
  const approve = (service: string, amountHalalas: number | null) => ({
    outcome: CommitteeOutcome.Approved,
    service,
    amountHalalas,
    reason: null,
  });
  const reject = (reason: string) => ({ outcome: CommitteeOutcome.Rejected, service: null, amountHalalas: null, reason });

  it('should wait for the quorum', () => {
    expect(quorumDecision([approve('سلة غذائية', 50_000)], 2)).toBeUndefined();
  });

  it('should approve by majority at the smallest amount every approving member agreed to', () => {
    expect(quorumDecision([approve('سلة غذائية', 50_000), approve('سلة غذائية', 30_000), reject('الدخل مرتفع')], 3)).toEqual({
      outcome: CommitteeOutcome.Approved,
      service: 'سلة غذائية',
      amountHalalas: 30_000,
      reason: null,
    });
  });

  it('should leave a split vote or approvals of different services to the chair', () => {
    expect(quorumDecision([approve('سلة غذائية', 1), reject('لا')], 2)).toBeUndefined();
    expect(quorumDecision([approve('سلة غذائية', 1), approve('إيجار', 1)], 2)).toBeUndefined();
  });

  it('should reject with the members’ reasons', () => {
    expect(quorumDecision([reject('الدخل مرتفع'), reject('مستفيد من جهة أخرى')], 2)).toMatchObject({
      outcome: CommitteeOutcome.Rejected,
      reason: 'الدخل مرتفع — مستفيد من جهة أخرى',
    });
  });
});
