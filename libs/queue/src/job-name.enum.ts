import { QueueName } from './queue-name.enum';

// Values are persisted in Redis with every job. Do not rename one without a drain or migration plan.
export enum JobName {
  ProcessInboundMessage = 'process-inbound-message',
  SendOutboundMessage = 'send-outbound-message',
  ApplyDeliveryStatus = 'apply-delivery-status',
  LinkCall = 'link-call',
  ApplyRetention = 'apply-retention',
  AnswerRequestStatus = 'answer-request-status',
  CheckRequestDeadlines = 'check-request-deadlines',
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ProcessInboundMessage]: QueueName.ChannelInbound,
  [JobName.SendOutboundMessage]: QueueName.ChannelOutbound,
  [JobName.ApplyDeliveryStatus]: QueueName.ChannelEvents,
  [JobName.LinkCall]: QueueName.ChannelEvents,
  [JobName.ApplyRetention]: QueueName.Maintenance,
  [JobName.AnswerRequestStatus]: QueueName.SupportRequests,
  [JobName.CheckRequestDeadlines]: QueueName.Maintenance,
};
