import { DeliveryState } from '@app/channels';
import { DeliveryStatus } from '../entities/message.entity';
import { statusTargetFor } from './delivery-status-target.rule';

const applies = (current: DeliveryStatus, state: DeliveryState) => statusTargetFor(state)?.from.includes(current) ?? false;

// The status a message ends in after a report, or its current one when the report is stale.
const next = (current: DeliveryStatus, state: DeliveryState) => (applies(current, state) ? statusTargetFor(state)!.status : current);

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

  // Every current status against every report, whether from a provider or the web-chat visitor's browser.
  it.each([
    [DeliveryStatus.Queued, DeliveryState.Queued, DeliveryStatus.Queued],
    [DeliveryStatus.Queued, DeliveryState.Sent, DeliveryStatus.Sent],
    [DeliveryStatus.Queued, DeliveryState.Delivered, DeliveryStatus.Delivered],
    [DeliveryStatus.Queued, DeliveryState.Read, DeliveryStatus.Read],
    [DeliveryStatus.Queued, DeliveryState.Failed, DeliveryStatus.Failed],
    [DeliveryStatus.Queued, DeliveryState.Undelivered, DeliveryStatus.Failed],
    [DeliveryStatus.Sent, DeliveryState.Queued, DeliveryStatus.Sent],
    [DeliveryStatus.Sent, DeliveryState.Sent, DeliveryStatus.Sent],
    [DeliveryStatus.Sent, DeliveryState.Delivered, DeliveryStatus.Delivered],
    [DeliveryStatus.Sent, DeliveryState.Read, DeliveryStatus.Read],
    [DeliveryStatus.Sent, DeliveryState.Failed, DeliveryStatus.Failed],
    [DeliveryStatus.Sent, DeliveryState.Undelivered, DeliveryStatus.Failed],
    [DeliveryStatus.Delivered, DeliveryState.Queued, DeliveryStatus.Delivered],
    [DeliveryStatus.Delivered, DeliveryState.Sent, DeliveryStatus.Delivered],
    [DeliveryStatus.Delivered, DeliveryState.Delivered, DeliveryStatus.Delivered],
    [DeliveryStatus.Delivered, DeliveryState.Read, DeliveryStatus.Read],
    [DeliveryStatus.Delivered, DeliveryState.Failed, DeliveryStatus.Delivered],
    [DeliveryStatus.Delivered, DeliveryState.Undelivered, DeliveryStatus.Delivered],
    [DeliveryStatus.Read, DeliveryState.Queued, DeliveryStatus.Read],
    [DeliveryStatus.Read, DeliveryState.Sent, DeliveryStatus.Read],
    [DeliveryStatus.Read, DeliveryState.Delivered, DeliveryStatus.Read],
    [DeliveryStatus.Read, DeliveryState.Read, DeliveryStatus.Read],
    [DeliveryStatus.Read, DeliveryState.Failed, DeliveryStatus.Read],
    [DeliveryStatus.Read, DeliveryState.Undelivered, DeliveryStatus.Read],
    [DeliveryStatus.Failed, DeliveryState.Queued, DeliveryStatus.Failed],
    [DeliveryStatus.Failed, DeliveryState.Sent, DeliveryStatus.Failed],
    [DeliveryStatus.Failed, DeliveryState.Delivered, DeliveryStatus.Failed],
    [DeliveryStatus.Failed, DeliveryState.Read, DeliveryStatus.Failed],
    [DeliveryStatus.Failed, DeliveryState.Failed, DeliveryStatus.Failed],
    [DeliveryStatus.Failed, DeliveryState.Undelivered, DeliveryStatus.Failed],
  ])('should take a %s message reported %s to %s', (current, state, expected) => {
    expect(next(current, state)).toBe(expected);
  });

  it('should cover every status and every report in the table above', () => {
    expect(Object.values(DeliveryStatus)).toHaveLength(5);
    expect(Object.values(DeliveryState)).toHaveLength(6);
  });
});
