import { loadConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import { RealtimeEvent } from '@app/wire';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { TEST_REDIS_URL, testQueuePrefix } from '../../../test/support/test-environment';
import { AgentsEnvelope, organisationChannel } from './agents-audience.util';
import { OrganisationChannelSubscriber } from './organisation-channel.subscriber';
import { RealtimePublisher } from './realtime.publisher';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

// The publisher sends the events of an organisation published in one turn of the event loop as one PUBLISH; the
// subscriber hands each over, in order, as if they had come one by one. Real Redis on both ends.
describe(RealtimePublisher.name, () => {
  const queuePrefix = `${testQueuePrefix()}-${randomUUID().slice(0, 8)}`;
  const config = loadConfig({
    DATABASE_URL: '',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    WASL_JWT_SECRET: 'x'.repeat(32),
    WASL_ENCRYPTION_KEY: 'a'.repeat(64),
  });
  const received: Array<{ organisationId: string; envelope: AgentsEnvelope }> = [];
  const raw: Array<{ channel: string; message: string }> = [];
  let redis: Redis;
  let listener: Redis;
  let sut: RealtimePublisher;
  let subscriber: OrganisationChannelSubscriber<string>;

  beforeAll(() => {
    expect(config.redis.queuePrefix).toBe(queuePrefix);
  });

  beforeEach(async () => {
    received.length = 0;
    raw.length = 0;
    redis = new Redis(TEST_REDIS_URL, { enableAutoPipelining: true });
    listener = new Redis(TEST_REDIS_URL);
    await listener.psubscribe(organisationChannel(queuePrefix, '*'));
    listener.on('pmessage', (_pattern: string, channel: string, message: string) => raw.push({ channel, message }));
    sut = new RealtimePublisher(redis, config);
    subscriber = new OrganisationChannelSubscriber<string>(redisOptionsFromUrl(TEST_REDIS_URL), queuePrefix, (organisationId, envelope) =>
      received.push({ organisationId, envelope }),
    );
  });

  afterEach(async () => {
    await subscriber.close();
    listener.disconnect();
    redis.disconnect();
  });

  it('should send one turn’s events of an organisation as one message, and hand them over one by one in order', async () => {
    const organisationId = randomUUID();
    const other = randomUUID();
    await subscriber.hold(organisationId, 'socket-1');
    await subscriber.hold(other, 'socket-2');
    for (const id of ['m-1', 'm-2', 'm-3']) sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, { id });
    sut.toOverseers(other, RealtimeEvent.ConversationUpdated, { id: 'c-1' });
    await sleep(150);

    expect(raw.filter((message) => message.channel === organisationChannel(queuePrefix, organisationId))).toHaveLength(1);
    expect(received.filter((item) => item.organisationId === organisationId).map((item) => item.envelope.payload)).toEqual([
      { id: 'm-1' },
      { id: 'm-2' },
      { id: 'm-3' },
    ]);
    // A turn with one event of an organisation sends the envelope itself, as before batching.
    const single = raw.find((message) => message.channel === organisationChannel(queuePrefix, other));
    expect(JSON.parse(single!.message)).toEqual({
      event: RealtimeEvent.ConversationUpdated,
      payload: { id: 'c-1' },
      audience: { overseers: true },
    });
    expect(received.filter((item) => item.organisationId === other)).toHaveLength(1);
  });

  it('should publish a later turn’s events in a message of their own, after the earlier ones', async () => {
    const organisationId = randomUUID();
    await subscriber.hold(organisationId, 'socket-1');
    sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, { id: 'first' });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, { id: 'second' });
    await sleep(150);
    expect(raw).toHaveLength(2);
    expect(received.map((item) => item.envelope.payload)).toEqual([{ id: 'first' }, { id: 'second' }]);
  });

  it('should keep the rest of a turn when one payload cannot be written out', async () => {
    const organisationId = randomUUID();
    await subscriber.hold(organisationId, 'socket-1');
    const circular: Record<string, unknown> = { id: 'bad' };
    circular.self = circular;
    sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, { id: 'before' });
    sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, circular);
    sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, { id: 'after' });
    await sleep(150);
    expect(received.map((item) => item.envelope.payload)).toEqual([{ id: 'before' }, { id: 'after' }]);
  });

  it('should send what is pending when the module stops', async () => {
    const organisationId = randomUUID();
    await subscriber.hold(organisationId, 'socket-1');
    sut.toOrganisation(organisationId, RealtimeEvent.MessageCreated, { id: 'last' });
    sut.onModuleDestroy();
    await sleep(150);
    expect(received.map((item) => item.envelope.payload)).toEqual([{ id: 'last' }]);
  });
});
