import { InboundRecoveryService, OutboundRecoveryService } from '@app/conversations';
import { QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ChannelOutboundProcessor } from '../../apps/worker/src/processors/channel-outbound.processor';
import { ChannelInboundProcessor } from '../../apps/worker/src/processors/channel-inbound.processor';
import { CallbackServer } from '../support/callback-server';
import { RedisOutage } from '../support/redis-outage';
import { eventually, TestOrganisation, WaslTestApp } from '../support/wasl-test-app';

const MESSAGES = 60;
const REPLIES = 10;

// A short fault run: inbound traffic with provider-style re-deliveries and staff replies while a worker is killed,
// Redis goes away and comes back, and PostgreSQL drops every connection. Afterwards every acknowledged message is
// stored exactly once and every reply is `sent` or `failed` with a reason.
describe('Chaos: worker kill, Redis restart and PostgreSQL restart during traffic', () => {
  const callbacks = new CallbackServer();
  const redis = new RedisOutage();
  let gateway: WaslTestApp;
  let organisation: TestOrganisation;
  let inbox: { id: string; secret: string };

  beforeAll(async () => {
    await callbacks.start();
    await redis.start();
    gateway = await WaslTestApp.start({ WASL_ROLE: 'gateway', REDIS_URL: redis.url });
    organisation = await gateway.createOrganisation();
    inbox = await gateway.createApiInbox(organisation.adminToken, callbacks.url);
  });

  afterAll(async () => {
    await redis.start();
    await gateway.close();
    await redis.stop();
    await callbacks.stop();
  });

  // As providers do: a refused or failed delivery is sent again, the same message id each time.
  async function deliver(messageId: string, senderId: string): Promise<boolean> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const answer = await gateway
        .postSigned(inbox, { messageId, from: { id: senderId }, text: `رسالة ${messageId}` })
        .catch(() => ({ status: 0 }));
      if (answer.status === 202) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  // A killed process's locks lapse; here at once, so the run stays short.
  async function kill(worker: INestApplicationContext): Promise<void> {
    await worker.get(ChannelInboundProcessor).worker.close(true);
    await worker.get(ChannelOutboundProcessor).worker.close(true);
    for (const name of [QueueName.ChannelInbound, QueueName.ChannelOutbound]) {
      const queue = gateway.app.get<Queue>(getQueueToken(name));
      const client = (await queue.client) as unknown as Redis;
      for (const job of await queue.getActive()) await client.del(`${queue.toKey(job.id!)}:lock`);
    }
  }

  it('should lose nothing, duplicate nothing and leave no reply queued', async () => {
    const senders = Array.from({ length: 6 }, () => `chaos-${randomUUID()}`);
    const messageIds = Array.from({ length: MESSAGES }, (_, index) => `chaos-${index}-${randomUUID()}`);
    const accepted = new Set<string>();
    const firstWorker = await gateway.startSeparateWorker();

    const first = messageIds[0];
    expect(await deliver(first, senders[0])).toBe(true);
    accepted.add(first);
    const conversationId = await gateway.conversationOfMessage(first);
    const replyIds: string[] = [];

    for (let index = 1; index < MESSAGES; index += 1) {
      if (index === 15) {
        await kill(firstWorker);
        await gateway.startSeparateWorker();
      }
      if (index === 31) await redis.stop();
      if (index === 35) await redis.start();
      if (index === 45) {
        await gateway.dataSource.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
      }
      const messageId = messageIds[index];
      if (await deliver(messageId, senders[index % senders.length])) accepted.add(messageId);
      // A re-delivery of an earlier message, as providers do after a timeout.
      if (index % 3 === 0) await deliver(messageIds[index - 1], senders[(index - 1) % senders.length]);
      if (index % 6 === 0 && replyIds.length < REPLIES) {
        const reply = await gateway.request<{ id: string }>('POST', `/api/v1/conversations/${conversationId}/messages`, {
          token: organisation.adminToken,
          body: { text: `ردّ ${index}` },
        });
        if (reply.status === 201) replyIds.push(reply.body.id);
      }
    }
    expect(accepted.size).toBe(MESSAGES);

    // What Redis missed is queued by the sweeps (run now rather than in a minute).
    const inboundRecovery = gateway.app.get(InboundRecoveryService);
    const outboundRecovery = gateway.app.get(OutboundRecoveryService);
    await eventually(
      async () => {
        await inboundRecovery.requeueStale(0);
        const rows: { provider_message_id: string; copies: number }[] = await gateway.dataSource.query(
          'SELECT provider_message_id, count(*)::int AS copies FROM messages WHERE provider_message_id = ANY($1) GROUP BY 1',
          [[...accepted]],
        );
        return rows.length === accepted.size && rows;
      },
      'every acknowledged message to be stored',
      20_000,
    ).then((rows) => expect(rows.filter((row) => row.copies !== 1)).toEqual([]));

    const settled = await eventually(
      async () => {
        await outboundRecovery.requeueStale(0);
        const rows: { status: string; failure_reason: string | null }[] = await gateway.dataSource.query(
          'SELECT status, failure_reason FROM messages WHERE id = ANY($1)',
          [replyIds],
        );
        return rows.every((row) => row.status !== 'queued') && rows;
      },
      'every reply to be settled',
      20_000,
    );
    expect(settled).toHaveLength(replyIds.length);
    for (const reply of settled) {
      expect(reply.status === 'sent' || (reply.status === 'failed' && reply.failure_reason)).toBeTruthy();
    }
  });
});
