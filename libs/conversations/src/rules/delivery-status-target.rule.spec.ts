import { DeliveryState } from '@app/channels';
import { DeliveryStatus } from '../entities/message.entity';
import { statusTargetFor } from './delivery-status-transition.util';

const applies = (current: DeliveryStatus, state: DeliveryState) => statusTargetFor(state)?.from.includes(current) ?? false;

describe(statusTargetFor.name, () => {
  it('should move statuses forward only', () => {
    expect(applies(DeliveryStatus.Sent, DeliveryState.Delivered)).toBe(true);
    expect(applies(DeliveryStatus.Delivered, DeliveryState.Read)).toBe(true);
    expect(applies(DeliveryStatus.Delivered, DeliveryState.Sent)).toBe(false);
    expect(applies(DeliveryStatus.Read, DeliveryState.Delivered)).toBe(false);
    expect(applies(DeliveryStatus.Sent, DeliveryState.Sent)).toBe(false);
  });

  it('should apply a failure only before the message was delivered, and keep failed final', () => {
    expect(statusTargetFor(DeliveryState.Undelivered)?.status).toBe(DeliveryStatus.Failed);
    expect(applies(DeliveryStatus.Sent, DeliveryState.Undelivered)).toBe(true);
    expect(applies(DeliveryStatus.Delivered, DeliveryState.Failed)).toBe(false);
    expect(applies(DeliveryStatus.Failed, DeliveryState.Delivered)).toBe(false);
  });

  it('should never apply the initial queued status from a report', () => {
    expect(statusTargetFor(DeliveryState.Queued)).toBeUndefined();
  });
});
