import { DeliveryState, DeliveryStatusUpdate } from '../../../delivery-status-update.types';

// Unifonic's DLR webhook: MessageID and DLR (Delivered | Undeliverable), form or JSON; retried 6 times in 72 h.
const UNIFONIC_DLR: Record<string, DeliveryState> = {
  delivered: DeliveryState.Delivered,
  undeliverable: DeliveryState.Undelivered,
  undelivered: DeliveryState.Undelivered,
  rejected: DeliveryState.Failed,
  failed: DeliveryState.Failed,
  sent: DeliveryState.Sent,
};

export function parseUnifonicDeliveryReport(parameters: Record<string, unknown>): DeliveryStatusUpdate | undefined {
  const providerMessageId = parameters.MessageID ?? parameters.messageId;
  const dlr = String(parameters.DLR ?? parameters.Status ?? '').toLowerCase();
  const state = UNIFONIC_DLR[dlr];
  if (providerMessageId === undefined || providerMessageId === '' || !state) return undefined;
  return {
    providerMessageId: String(providerMessageId),
    state,
    errorCode: state === DeliveryState.Undelivered || state === DeliveryState.Failed ? dlr.toUpperCase() : undefined,
    occurredAt: typeof parameters.DLRTimestamp === 'string' ? parameters.DLRTimestamp : undefined,
  };
}
