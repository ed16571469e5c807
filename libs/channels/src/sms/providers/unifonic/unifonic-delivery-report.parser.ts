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

// Unifonic's MessageID is a number or a short token; anything else (objects, control characters) is not a report.
const PRINTABLE_IDENTIFIER = /^[\x21-\x7E ]+$/;

function identifierOf(value: unknown): string | undefined {
  const identifier = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof identifier === 'string' && identifier.length <= 100 && PRINTABLE_IDENTIFIER.test(identifier) ? identifier : undefined;
}

export function parseUnifonicDeliveryReport(parameters: Record<string, unknown>): DeliveryStatusUpdate | undefined {
  const providerMessageId = identifierOf(parameters.MessageID ?? parameters.messageId);
  const dlrValue = parameters.DLR ?? parameters.Status;
  const dlr = typeof dlrValue === 'string' ? dlrValue.toLowerCase() : '';
  const state = UNIFONIC_DLR[dlr];
  if (!providerMessageId || !state) return undefined;
  const timestamp = parameters.DLRTimestamp;
  return {
    providerMessageId,
    state,
    errorCode: state === DeliveryState.Undelivered || state === DeliveryState.Failed ? dlr.toUpperCase() : undefined,
    occurredAt: typeof timestamp === 'string' && PRINTABLE_IDENTIFIER.test(timestamp) && timestamp.length <= 40 ? timestamp : undefined,
  };
}
