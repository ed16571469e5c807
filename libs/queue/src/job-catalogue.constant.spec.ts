import { JOB_CATALOGUE, jobIdOf, JobSpec } from './job-catalogue.constant';
import { JobName } from './job-name.enum';
import { JobOf } from './job-payloads';

const organisationId = '0b1f5a3c-2d4e-4f60-8a1b-9c2d3e4f5a6b';
const inboxId = '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const messageId = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';

// One payload of every job, typed by its name: a job added to JobName without a sample fails to compile.
const SAMPLES: { [Name in JobName]: JobOf<Name> } = {
  [JobName.ProcessInboundMessage]: { organisationId, inboundEventId: 4812, channel: 'sms' },
  [JobName.SendOutboundMessage]: { organisationId, messageId },
  [JobName.ApplyDeliveryStatus]: {
    organisationId,
    inboxId,
    providerMessageId: 'SM:a/b 1',
    state: 'delivered',
    receivedAt: '2026-12-04T01:00:00.000Z',
  },
  [JobName.LinkCall]: { organisationId, callId: messageId, step: 'missed' },
  [JobName.RecordAutomaticReply]: {
    organisationId,
    inboundEventId: 4812,
    messageId,
    reason: 'outside_working_hours',
    locale: 'ar',
    shownAt: '2026-12-04T01:00:00.000Z',
  },
  [JobName.ApplyRetention]: {},
  [JobName.ExtractKnowledgeDocument]: { organisationId, documentId: messageId, revision: 3 },
  [JobName.SweepAttachmentUploads]: {},
  [JobName.AnswerRequestStatus]: { organisationId, messageId },
  [JobName.CheckRequestDeadlines]: {},
  [JobName.FetchInboundMedia]: { organisationId, inboxId, messageId },
  [JobName.SyncChannelTemplates]: { organisationId, inboxId },
  [JobName.SetUpChannel]: { organisationId, inboxId },
  [JobName.FetchSenderProfile]: { organisationId, inboxId, messageId },
};

const names = Object.values(JobName);
const idOf = <Name extends JobName>(name: Name, change: Partial<JobOf<Name>> = {}) => jobIdOf(name, { ...SAMPLES[name], ...change });
const identified = names.filter((name) => typeof (JOB_CATALOGUE[name] as JobSpec).id === 'function');

describe('the job catalogue', () => {
  it('should give every job a queue, a retry policy and an identity', () => {
    for (const name of names) {
      expect(JOB_CATALOGUE[name]).toEqual(
        expect.objectContaining({ queue: expect.any(String), retry: expect.anything(), id: expect.anything() }),
      );
    }
  });

  // BullMQ refuses a custom id with ':' in it or made only of digits.
  it.each(identified)('should give %s an id BullMQ accepts', (name) => {
    const jobId = idOf(name)!;
    expect(jobId).not.toMatch(/:/);
    expect(jobId).not.toMatch(/^\d+$/);
    expect(jobId.length).toBeLessThan(120);
  });

  it.each(identified)('should give %s the same id for the same work, and another to no other job', (name) => {
    expect(idOf(name)).toBe(idOf(name));
    const others = identified.filter((other) => other !== name).map((other) => idOf(other));
    expect(others).not.toContain(idOf(name));
  });

  // The gateway queues the event with its channel and request id; the recovery sweep queues it with neither.
  it('should queue an inbound event under one id whoever queues it', () => {
    expect(idOf(JobName.ProcessInboundMessage, { channel: undefined, requestId: 'provider-1' })).toBe(idOf(JobName.ProcessInboundMessage));
    expect(idOf(JobName.ProcessInboundMessage, { inboundEventId: 4813 })).not.toBe(idOf(JobName.ProcessInboundMessage));
  });

  it('should collapse a delivery report posted again, and keep a different status or error apart', () => {
    const report = idOf(JobName.ApplyDeliveryStatus);
    expect(idOf(JobName.ApplyDeliveryStatus, { receivedAt: '2026-12-04T01:00:09.000Z', reason: 'again', requestId: 'r2' })).toBe(report);
    expect(idOf(JobName.ApplyDeliveryStatus, { state: 'read' })).not.toBe(report);
    expect(idOf(JobName.ApplyDeliveryStatus, { state: 'delivered', errorCode: '30005' })).not.toBe(report);
    expect(idOf(JobName.ApplyDeliveryStatus, { inboxId: organisationId })).not.toBe(report);
  });

  it("should link a call's first webhook and its turning out missed as two jobs", () => {
    expect(idOf(JobName.LinkCall, { step: 'call' })).not.toBe(idOf(JobName.LinkCall, { step: 'missed' }));
    // A job queued before the step was in the payload stands for the call's first webhook.
    expect(idOf(JobName.LinkCall, { step: undefined })).toBe(idOf(JobName.LinkCall, { step: 'call' }));
  });

  it('should read a knowledge document again when its revision changed', () => {
    expect(idOf(JobName.ExtractKnowledgeDocument, { revision: 4 })).not.toBe(idOf(JobName.ExtractKnowledgeDocument));
  });

  it('should queue a template sync or a set-up anew each time it is asked for', () => {
    expect(jobIdOf(JobName.SyncChannelTemplates, SAMPLES[JobName.SyncChannelTemplates])).toBeUndefined();
    expect(jobIdOf(JobName.SetUpChannel, SAMPLES[JobName.SetUpChannel])).toBeUndefined();
  });

  it('should schedule the housekeeping jobs under distinct scheduler ids, without retries', () => {
    const scheduled = names.map((name) => [name, (JOB_CATALOGUE[name] as JobSpec).id] as const).filter(([, id]) => typeof id === 'object');
    expect(scheduled.map(([name]) => name).sort()).toEqual(
      [JobName.ApplyRetention, JobName.CheckRequestDeadlines, JobName.SweepAttachmentUploads].sort(),
    );
    const schedulerIds = scheduled.map(([, id]) => (id as { schedulerId: string }).schedulerId);
    expect(new Set(schedulerIds).size).toBe(schedulerIds.length);
    for (const [name, id] of scheduled) {
      expect(JOB_CATALOGUE[name].retry).toBe('none');
      expect((id as { pattern: string }).pattern.split(' ')).toHaveLength(5);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: (id as { tz: string }).tz })).not.toThrow();
    }
  });
});
