import { QueueName } from './queue-name.enum';

// Values are persisted in Redis with every job. Do not rename one without a drain or migration plan.
export enum JobName {
  ProcessInboundMessage = 'process-inbound-message',
  SendOutboundMessage = 'send-outbound-message',
  ApplyDeliveryStatus = 'apply-delivery-status',
  LinkCall = 'link-call',
  ApplyRetention = 'apply-retention',
  // Channel work that follows a stored message or a new inbox: files a message names by id, the provider's
  // templates, registering the webhook with the provider.
  FetchInboundMedia = 'fetch-inbound-media',
  SyncChannelTemplates = 'sync-channel-templates',
  SetUpChannel = 'set-up-channel',
  FetchSenderProfile = 'fetch-sender-profile',
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ProcessInboundMessage]: QueueName.ChannelInbound,
  [JobName.SendOutboundMessage]: QueueName.ChannelOutbound,
  [JobName.ApplyDeliveryStatus]: QueueName.ChannelEvents,
  [JobName.LinkCall]: QueueName.ChannelEvents,
  [JobName.ApplyRetention]: QueueName.Maintenance,
  [JobName.FetchInboundMedia]: QueueName.ChannelEvents,
  [JobName.SyncChannelTemplates]: QueueName.ChannelEvents,
  [JobName.SetUpChannel]: QueueName.ChannelEvents,
  [JobName.FetchSenderProfile]: QueueName.ChannelEvents,
};
