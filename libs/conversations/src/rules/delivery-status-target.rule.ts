import { DeliveryState } from '@app/channels';
import { DeliveryStatus } from '../entities/message.entity';

export interface StatusTarget {
  status: DeliveryStatus;
  // The statuses a message may be in for this report to apply; anything else means the report is stale.
  from: DeliveryStatus[];
}

// Reports arrive out of order and more than once, so statuses only move forward (one rule for providers' delivery
// reports and the web-chat visitor's delivered and read receipts):
// queued < sent < delivered < read. A failure (failed or undelivered) applies only while the message is still
// queued or sent: once the handset confirmed it, a late failure report is stale. A failed message stays failed.
// `queued` is never applied from a report: Twilio sends no callback for the initial status.
export function statusTargetFor(state: DeliveryState): StatusTarget | undefined {
  switch (state) {
    case DeliveryState.Queued:
      return undefined;
    case DeliveryState.Sent:
      return { status: DeliveryStatus.Sent, from: [DeliveryStatus.Queued] };
    case DeliveryState.Delivered:
      return { status: DeliveryStatus.Delivered, from: [DeliveryStatus.Queued, DeliveryStatus.Sent] };
    case DeliveryState.Read:
      return { status: DeliveryStatus.Read, from: [DeliveryStatus.Queued, DeliveryStatus.Sent, DeliveryStatus.Delivered] };
    case DeliveryState.Failed:
    case DeliveryState.Undelivered:
      return { status: DeliveryStatus.Failed, from: [DeliveryStatus.Queued, DeliveryStatus.Sent] };
  }
}
