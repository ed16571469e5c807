import { ChannelSessionSupervisor, ConversationsModule } from '@app/conversations';
import { InboxesModule } from '@app/inboxes';
import { KnowledgeModule } from '@app/knowledge';
import { PrivacyModule } from '@app/privacy';
import { WaslMetrics } from '@app/observability';
import { RequestsModule } from '@app/requests';
import { FailedJobIndex, JobName } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { FailedJobsRecorder } from './failed-jobs.recorder';
import { JobOutcomeRecorder } from './job-outcome.recorder';
import { InboundRecoverySweeper } from './inbound-recovery.sweeper';
import { OutboundRecoverySweeper } from './outbound-recovery.sweeper';
import { ChannelEventsProcessor } from './processors/channel-events.processor';
import { ChannelInboundProcessor } from './processors/channel-inbound.processor';
import { ChannelOutboundProcessor } from './processors/channel-outbound.processor';
import { KnowledgeProcessor } from './processors/knowledge.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { SupportRequestsProcessor } from './processors/support-requests.processor';

export const PROCESSORS = [
  ChannelInboundProcessor,
  ChannelOutboundProcessor,
  ChannelEventsProcessor,
  MaintenanceProcessor,
  KnowledgeProcessor,
  SupportRequestsProcessor,
];

// Fail at boot, not when jobs pile up: every job name has exactly one processor.
function assertEveryJobHasOneProcessor(): void {
  const handled: JobName[] = PROCESSORS.flatMap((processor) => [...processor.handles]);
  const missing = Object.values(JobName).filter((name) => !handled.includes(name));
  const doubled = handled.filter((name, index) => handled.indexOf(name) !== index);
  if (missing.length > 0) throw new Error(`No processor for jobs: ${missing.join(', ')}`);
  if (doubled.length > 0) throw new Error(`More than one processor for jobs: ${doubled.join(', ')}`);
}
assertEveryJobHasOneProcessor();

// The processors alone. apps/worker runs them on their own; the gateway imports this module too when
// WASL_ROLE=all, so a small association runs one process.
@Module({
  imports: [ConversationsModule, PrivacyModule, KnowledgeModule, RequestsModule, InboxesModule],
  providers: [
    ...PROCESSORS,
    InboundRecoverySweeper,
    OutboundRecoverySweeper,
    // Live channel sessions (WhatsApp through a paired phone): one worker drives each, by a lease.
    ChannelSessionSupervisor,
    {
      provide: FailedJobsRecorder,
      inject: [FailedJobIndex, ...PROCESSORS],
      useFactory: (index: FailedJobIndex, ...processors: WorkerHost[]) => new FailedJobsRecorder(index, processors),
    },
    {
      provide: JobOutcomeRecorder,
      inject: [WaslMetrics, ...PROCESSORS],
      useFactory: (metrics: WaslMetrics, ...processors: WorkerHost[]) => new JobOutcomeRecorder(metrics, processors),
    },
  ],
})
export class WorkerModule {}
