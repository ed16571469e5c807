// Values are persisted in Redis. Do not change one without a drain or migration plan.
export enum QueueName {
  ChannelInbound = 'channel-inbound',
  ChannelOutbound = 'channel-outbound',
  // Provider delivery reports and call links: small, retried until the row they refer to exists.
  ChannelEvents = 'channel-events',
  // Scheduled housekeeping (retention): a few jobs a day, never urgent.
  Maintenance = 'maintenance',
  // Reading uploaded documents and articles into knowledge-base passages: seconds of CPU each, one at a time.
  Knowledge = 'knowledge',
  // Support requests' own work off the hot paths: answering a beneficiary who sent their request's number.
  SupportRequests = 'support-requests',
}
