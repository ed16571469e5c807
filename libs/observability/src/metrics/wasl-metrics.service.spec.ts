import { ModuleRef } from '@nestjs/core';
import { WaslMetrics } from './wasl-metrics.service';

describe(WaslMetrics.name, () => {
  const inbox = { id: '5f0c2a8e-2f0e-4c8e-9b1a-0d6f1c1e2a3b', channel: 'sms' };

  async function value(sut: WaslMetrics, name: string): Promise<number | undefined> {
    const metric = await sut.registry.getSingleMetric(name)?.get();
    return metric?.values.find((entry) => entry.labels.inbox_id === inbox.id)?.value;
  }

  it('should count sends refused for credentials in a row per inbox, back to 0 once one is sent', async () => {
    const sut = new WaslMetrics({} as ModuleRef);
    sut.outboundOutcome(inbox, 'retrying', 'AUTH_INVALID');
    sut.outboundOutcome(inbox, 'failed', 'AUTH_INVALID');
    expect(await value(sut, 'wasl_inbox_consecutive_auth_failures')).toBe(2);
    sut.outboundOutcome(inbox, 'sent', null);
    expect(await value(sut, 'wasl_inbox_consecutive_auth_failures')).toBe(0);
    sut.outboundOutcome(inbox, 'failed', 'AUTH_INVALID');
    sut.outboundOutcome(inbox, 'failed', 'RECIPIENT_INVALID');
    expect(await value(sut, 'wasl_inbox_consecutive_auth_failures')).toBe(0);
    const text = await sut.registry.getSingleMetricAsString('wasl_outbound_messages_total');
    expect(text).toContain('wasl_outbound_messages_total{channel="sms",outcome="failed",code="AUTH_INVALID"} 2');
    expect(text).toContain('wasl_outbound_messages_total{channel="sms",outcome="sent",code=""} 1');
  });
});
