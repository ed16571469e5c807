// Values are persisted in Redis with every job. Do not rename one without a drain or migration plan.
export enum JobName {
  ProcessInboundMessage = 'process-inbound-message',
  SendOutboundMessage = 'send-outbound-message',
  ApplyDeliveryStatus = 'apply-delivery-status',
  LinkCall = 'link-call',
  RecordAutomaticReply = 'record-automatic-reply',
  ApplyRetention = 'apply-retention',
  ExtractKnowledgeDocument = 'extract-knowledge-document',
  SweepAttachmentUploads = 'sweep-attachment-uploads',
  AnswerRequestStatus = 'answer-request-status',
  CheckRequestDeadlines = 'check-request-deadlines',
  // Channel work that follows a stored message or a new inbox: files a message names by id, the provider's
  // templates, registering the webhook with the provider.
  FetchInboundMedia = 'fetch-inbound-media',
  SyncChannelTemplates = 'sync-channel-templates',
  SetUpChannel = 'set-up-channel',
  FetchSenderProfile = 'fetch-sender-profile',
}
