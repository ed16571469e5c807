import { redisOptionsFromUrl } from '@app/queue';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/test-environment';
import { AgentsEnvelope, organisationChannel } from './agents-audience.util';
import { OrganisationChannelSubscriber } from './organisation-channel.subscriber';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe(OrganisationChannelSubscriber.name, () => {
  const queuePrefix = `${testQueuePrefix()}-${randomUUID().slice(0, 8)}`;
  const received: { organisationId: string; envelope: AgentsEnvelope; members: string[] }[] = [];
  let redis: Redis;
  let sut: OrganisationChannelSubscriber<string>;

  async function subscribers(organisationId: string): Promise<number> {
    const [, count] = (await redis.pubsub('NUMSUB', organisationChannel(queuePrefix, organisationId))) as [string, number];
    return Number(count);
  }

  async function publish(organisationId: string, message: string): Promise<void> {
    await redis.publish(organisationChannel(queuePrefix, organisationId), message);
    // Delivery is asynchronous; a round trip on the subscriber's server is enough on one machine.
    await sleep(100);
  }

  beforeEach(() => {
    received.length = 0;
    redis = new Redis(TEST_REDIS_URL);
    sut = new OrganisationChannelSubscriber<string>(redisOptionsFromUrl(TEST_REDIS_URL), queuePrefix, (organisationId, envelope, members) =>
      received.push({ organisationId, envelope, members: [...members] }),
    );
  });

  afterEach(async () => {
    await sut.close();
    redis.disconnect();
  });

  it('should subscribe on the first member, stay for the second, and unsubscribe after the last', async () => {
    const organisationId = randomUUID();
    expect(await subscribers(organisationId)).toBe(0);
    await sut.hold(organisationId, 'socket-1');
    expect(await subscribers(organisationId)).toBe(1);
    await sut.hold(organisationId, 'socket-2');
    sut.release(organisationId, 'socket-1');
    await sleep(100);
    expect(await subscribers(organisationId)).toBe(1);
    sut.release(organisationId, 'socket-2');
    await sleep(100);
    expect(await subscribers(organisationId)).toBe(0);
  });

  it('should end subscribed when a socket arrives while the last one is leaving', async () => {
    const organisationId = randomUUID();
    await sut.hold(organisationId, 'socket-1');
    sut.release(organisationId, 'socket-1');
    await sut.hold(organisationId, 'socket-2');
    await sleep(100);
    expect(await subscribers(organisationId)).toBe(1);
    await publish(organisationId, JSON.stringify({ event: 'message.created', payload: { id: 'm-1' }, audience: { overseers: true } }));
    expect(received).toEqual([expect.objectContaining({ organisationId, members: ['socket-2'] })]);
  });

  it('should hand over each event of a held organisation once, with its members, and nothing of others', async () => {
    const held = randomUUID();
    const other = randomUUID();
    await sut.hold(held, 'socket-1');
    await sut.hold(held, 'socket-1');
    const envelope = { event: 'conversation.updated', payload: { id: 'c-1' }, audience: { overseers: true, inboxId: 'inbox-a' } };
    await publish(held, JSON.stringify(envelope));
    await publish(other, JSON.stringify(envelope));
    expect(received).toEqual([{ organisationId: held, envelope: expect.objectContaining(envelope), members: ['socket-1'] }]);
  });

  it('should drop a message that is not an envelope', async () => {
    const organisationId = randomUUID();
    await sut.hold(organisationId, 'socket-1');
    await publish(organisationId, 'not json');
    await publish(organisationId, JSON.stringify({ event: 'message.created', payload: {}, audience: { everyone: 1 } }));
    expect(received).toEqual([]);
  });

  it('should release nothing twice and ignore members it never held', async () => {
    const organisationId = randomUUID();
    await sut.hold(organisationId, 'socket-1');
    sut.release(organisationId, 'socket-unknown');
    sut.release(randomUUID(), 'socket-1');
    await sleep(100);
    expect(await subscribers(organisationId)).toBe(1);
  });
});
