import { GuardedHttpClient } from '@app/common';
import { OutboundContext, RealtimeTransport } from '../channel-definition';
import { ChannelErrorCode } from '../channel-error';
import { ChannelKind } from '../channel-kind.enum';
import { createOutboundAdapter } from '../channel.registry';
import { webChatVisitorRoom } from './webchat-visitor-room.util';

class RecordingTransport implements RealtimeTransport {
  readonly emitted: Array<{ room: string; event: string; payload: object }> = [];
  toWebChatRoom(room: string, event: string, payload: object): void {
    this.emitted.push({ room, event, payload });
  }
}

describe('WebChatChannelAdapter', () => {
  const message = {
    messageId: 'message-1',
    conversationId: 'conversation-1',
    text: 'أهلًا بك، كيف نخدمك؟',
    createdAt: new Date('2026-11-01T10:00:00Z'),
    recipient: { externalId: 'visitor-7' },
  };
  const contextWith = (realtime: RealtimeTransport): OutboundContext => ({
    inbox: { id: 'inbox-1', organisationId: 'organisation-1', provider: null, settings: {}, secrets: { signingSecret: 's' } },
    http: new GuardedHttpClient({ allowPrivateNetworks: false }),
    realtime,
    webhookUrl: (path) => `https://gw.example.org/${path}`,
    reportDelivery: true,
    timeoutMs: 1,
    attachmentLink: (attachment, audience) => ({
      url: `${audience}:${attachment.path}?expires=1700000000000&signature=abc`,
      expiresAt: new Date(1_700_000_000_000),
    }),
    attachmentContent: () => Promise.reject(new Error('no file is read in this test')),
  });

  it('should emit message:new to the visitor room derived from the inbox secret', async () => {
    const transport = new RecordingTransport();
    const sut = createOutboundAdapter(ChannelKind.WebChat, null, contextWith(transport));
    await sut.send(message);
    expect(transport.emitted).toEqual([
      {
        room: webChatVisitorRoom('s', 'visitor-7'),
        event: 'message:new',
        payload: { id: 'message-1', text: 'أهلًا بك، كيف نخدمك؟', sender: 'agent', createdAt: '2026-11-01T10:00:00.000Z' },
      },
    ]);
    expect(webChatVisitorRoom('s', 'visitor-7')).not.toEqual(webChatVisitorRoom('other-inbox-secret', 'visitor-7'));
  });

  it('should hand the visitor each file as a link signed for their browser, never the stored path alone', async () => {
    const transport = new RecordingTransport();
    const sut = createOutboundAdapter(ChannelKind.WebChat, null, contextWith(transport));
    const path = '/files/inbox-1/conversation-1/0b6c2f52-8f0e-4c43-9d0a-5f4f3b2a1c00.pdf';
    await sut.send({
      ...message,
      attachments: [
        { id: '0b6c2f52-8f0e-4c43-9d0a-5f4f3b2a1c00', path, contentType: 'application/pdf', fileName: 'إفادة.pdf', sizeBytes: 2048 },
      ],
    });
    expect(transport.emitted[0].payload).toMatchObject({
      attachments: [
        {
          url: `visitor:${path}?expires=1700000000000&signature=abc`,
          contentType: 'application/pdf',
          fileName: 'إفادة.pdf',
          sizeBytes: 2048,
        },
      ],
    });
  });

  it('should name the officer who wrote the reply', async () => {
    const transport = new RecordingTransport();
    const sut = createOutboundAdapter(ChannelKind.WebChat, null, contextWith(transport));
    await sut.send({ ...message, senderName: 'نورة' });
    expect(transport.emitted[0].payload).toMatchObject({ sender: 'agent', agentName: 'نورة' });
  });

  it('should refuse a contact without a visitor id and turn transport failures into temporary errors', async () => {
    const failing: RealtimeTransport = {
      toWebChatRoom: () => {
        throw new Error('Redis is away');
      },
    };
    await expect(
      createOutboundAdapter(ChannelKind.WebChat, null, contextWith(new RecordingTransport())).send({ ...message, recipient: {} }),
    ).rejects.toMatchObject({
      code: ChannelErrorCode.RecipientInvalid,
    });
    await expect(createOutboundAdapter(ChannelKind.WebChat, null, contextWith(failing)).send(message)).rejects.toMatchObject({
      code: ChannelErrorCode.Temporary,
    });
    // A channel that cannot send (walk-in visits) is a configuration error, never a silent no-op.
    expect(() => createOutboundAdapter(ChannelKind.WalkIn, null, contextWith(new RecordingTransport()))).toThrow(
      expect.objectContaining({ code: ChannelErrorCode.AuthInvalid }),
    );
  });
});
