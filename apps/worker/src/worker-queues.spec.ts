import { JOB_CATALOGUE, JobName, QueueName, WORKER_OPTIONS } from '@app/queue';
// Not exported from the package root; the decorator stores the queue and worker options under these keys.
import { PROCESSOR_METADATA, WORKER_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import { PROCESSORS } from './worker.module';

type ProcessorClass = (typeof PROCESSORS)[number];

const queueOf = (processor: ProcessorClass): QueueName => (Reflect.getMetadata(PROCESSOR_METADATA, processor) as { name: QueueName }).name;

// The failed-jobs recorder listens on every processor's worker, so a queue without a processor would never reach
// /admin/failed-jobs; a retried job on a worker without the provider-aware backoff would fail at its first retry.
describe('worker processors', () => {
  it('should run exactly one processor on every queue', () => {
    const queues = PROCESSORS.map(queueOf);
    expect([...queues].sort()).toEqual(Object.values(QueueName).sort());
  });

  it.each(PROCESSORS.map((processor) => [processor.name, processor] as const))(
    'should have %s handle only jobs the catalogue puts on its queue',
    (_name, processor) => {
      for (const job of processor.handles as readonly JobName[]) expect(JOB_CATALOGUE[job].queue).toBe(queueOf(processor));
    },
  );

  const retriedQueues = new Set(
    Object.values(JOB_CATALOGUE)
      .filter((spec) => spec.retry !== 'none')
      .map((spec) => spec.queue),
  );
  it.each([...retriedQueues])('should honour a provider Retry-After on the %s queue', (queue) => {
    const processor = PROCESSORS.find((candidate) => queueOf(candidate) === queue)!;
    const options = Reflect.getMetadata(WORKER_METADATA, processor) as typeof WORKER_OPTIONS | undefined;
    expect(options?.settings?.backoffStrategy).toBe(WORKER_OPTIONS.settings.backoffStrategy);
  });
});
