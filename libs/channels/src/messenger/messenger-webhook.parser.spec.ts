import { ApiException } from '@app/common';
import { DeliveryState } from '../delivery-status-update.types';
import { messengerMessagingType, messengerWindow } from './messenger-send-rules.constant';
import { parseMessengerWebhook } from './messenger-webhook.parser';

// The documented `messages` event (reference/channels.md §5.1), inside its page envelope.
const documented = {
  object: 'page',
  entry: [
    {
      id: 'PAGE_ID',
      time: 1458692752478,
      messaging: [
        {
          sender: { id: 'PSID' },
          recipient: { id: 'PAGE_ID' },
          timestamp: 1458692752478,
          message: { mid: 'mid.1457764197618:41d102a3e1ae206a38', text: 'hello, world!', quick_reply: { payload: 'P' } },
        },
      ],
    },
  ],
};

describe(parseMessengerWebhook.name, () => {
  it('should read the documented message keyed by mid, the sender by their page-scoped id', () => {
    expect(parseMessengerWebhook(documented, 'page', 'PAGE_ID')).toEqual([
      {
        type: 'message',
        message: {
          providerMessageId: 'mid.1457764197618:41d102a3e1ae206a38',
          sender: { externalId: 'PSID' },
          text: 'hello, world!',
          attachments: [],
          sentAt: '2016-03-23T00:25:52.478Z',
        },
      },
    ]);
  });

  it("should drop echoes and another account's events, and read delivery events as delivered", () => {
    const echo = structuredClone(documented);
    (echo.entry[0].messaging[0].message as Record<string, unknown>).is_echo = true;
    expect(parseMessengerWebhook(echo, 'page', 'PAGE_ID')).toEqual([]);
    expect(parseMessengerWebhook(documented, 'page', 'OTHER_PAGE')).toEqual([]);
    const delivery = {
      object: 'page',
      entry: [{ id: 'PAGE_ID', messaging: [{ sender: { id: 'PSID' }, delivery: { mids: ['m_1', 'm_2'], watermark: 1 } }] }],
    };
    expect(parseMessengerWebhook(delivery, 'page', 'PAGE_ID')).toEqual([
      { type: 'delivery-status', update: { providerMessageId: 'm_1', state: DeliveryState.Delivered } },
      { type: 'delivery-status', update: { providerMessageId: 'm_2', state: DeliveryState.Delivered } },
    ]);
  });

  it('should refuse an Instagram body on a Messenger inbox', () => {
    expect(() => parseMessengerWebhook({ ...documented, object: 'instagram' }, 'page', 'PAGE_ID')).toThrow(ApiException);
  });
});

describe(messengerMessagingType.name, () => {
  it('should answer within 24 hours as a RESPONSE, later with the HUMAN_AGENT tag until 7 days', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
    expect(messengerMessagingType(hoursAgo(23), now)).toBe('RESPONSE');
    expect(messengerMessagingType(hoursAgo(25), now)).toBe('HUMAN_AGENT');
    expect(messengerWindow({ lastInboundAt: hoursAgo(24 * 6), now }).open).toBe(true);
    expect(messengerWindow({ lastInboundAt: hoursAgo(24 * 7 + 1), now }).open).toBe(false);
  });
});
