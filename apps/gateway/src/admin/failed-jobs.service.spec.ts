import { FailedJobIndex, QueueName } from '@app/queue';
import { ReplyRetryService } from '@app/conversations';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { FailedJobsService } from './failed-jobs.service';

describe(FailedJobsService.name, () => {
  it('should read every queue, so a failed job on any of them can be listed, retried and discarded', () => {
    const asked: string[] = [];
    const moduleRef = { get: (token: string) => (asked.push(token), {}) } as unknown as ModuleRef;
    new FailedJobsService(moduleRef, {} as FailedJobIndex, {} as ReplyRetryService);
    expect(asked.sort()).toEqual(Object.values(QueueName).map(getQueueToken).sort());
  });
});
