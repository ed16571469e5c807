import { DeliveryState } from '../../../delivery-status-update.types';

// twilio-node's MessageStatus values onto Wasl's. Inbound-only statuses (receiving, received) map to nothing.
const TWILIO_MESSAGE_STATUS: Record<string, DeliveryState | undefined> = {
  queued: DeliveryState.Queued,
  accepted: DeliveryState.Queued,
  scheduled: DeliveryState.Queued,
  sending: DeliveryState.Sent,
  sent: DeliveryState.Sent,
  // Some parts arrived: the carrier has it, the rest will not come back as a separate report.
  partially_delivered: DeliveryState.Delivered,
  delivered: DeliveryState.Delivered,
  read: DeliveryState.Read,
  failed: DeliveryState.Failed,
  canceled: DeliveryState.Failed,
  undelivered: DeliveryState.Undelivered,
};

export function mapTwilioMessageStatus(status: string | undefined): DeliveryState | undefined {
  return status ? TWILIO_MESSAGE_STATUS[status.toLowerCase()] : undefined;
}
