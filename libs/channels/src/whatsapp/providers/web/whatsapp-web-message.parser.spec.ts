import { DeliveryState } from '../../../delivery-status-update.types';
import chat from './__fixtures__/message-chat-arabic.json';
import group from './__fixtures__/message-group.json';
import location from './__fixtures__/message-location.json';
import ptt from './__fixtures__/message-ptt.json';
import statusBroadcast from './__fixtures__/message-status-broadcast.json';
import { WhatsAppWebMessage } from './whatsapp-web-client.types';
import { isPersonalChat, parseWhatsAppWebMessage, phoneOfChatId, whatsAppWebAckEvent } from './whatsapp-web-message.parser';

const shape = (fields: object, id = 'false_966500000001@c.us_3A01'): WhatsAppWebMessage =>
  ({
    id: { fromMe: false, remote: '966500000001@c.us', id: '3A01', _serialized: id },
    downloadMedia: async () => undefined,
    ...fields,
  }) as WhatsAppWebMessage;

describe(parseWhatsAppWebMessage.name, () => {
  it('should read a recorded chat message keyed by its serialized id, the sender by their number', () => {
    const message = shape(chat, chat.id._serialized);
    expect(isPersonalChat(message)).toBe(true);
    expect(parseWhatsAppWebMessage(message, phoneOfChatId(message.from))).toEqual({
      providerMessageId: 'false_966500000001@c.us_3A0123456789ABCDEF01',
      sender: { phone: '+966500000001', name: 'أبو محمد' },
      text: chat.body,
      attachments: [],
      sentAt: '2025-12-02T08:00:00.000Z',
    });
  });

  it('should ignore group messages and status broadcasts', () => {
    expect(isPersonalChat(shape(group))).toBe(false);
    expect(isPersonalChat(shape(statusBroadcast))).toBe(false);
  });

  it('should name a voice note by message id for the session to fetch, and write a location as a link', () => {
    expect(parseWhatsAppWebMessage(shape(ptt), '+966500000001')?.attachments).toEqual([
      { providerMediaId: 'false_966500000001@c.us_3A01', contentType: 'audio/ogg', voice: true },
    ]);
    expect(parseWhatsAppWebMessage(shape(location), '+966500000001')?.text).toBe(
      '📍 مقر الجمعية\nhttps://maps.google.com/?q=24.7136,46.6753',
    );
  });

  it('should map acknowledgements of its own messages to sent, delivered and read', () => {
    const own = shape({ ...chat, id: { fromMe: true, remote: 'x', id: 'y', _serialized: 'true_x_y' } }, 'true_x_y');
    own.id.fromMe = true;
    expect([1, 2, 3, 4, -1].map((ack) => whatsAppWebAckEvent(own, ack))).toEqual(
      [DeliveryState.Sent, DeliveryState.Delivered, DeliveryState.Read, DeliveryState.Read, DeliveryState.Failed].map((state) => ({
        type: 'delivery-status',
        update: { providerMessageId: 'true_x_y', state },
      })),
    );
    expect(whatsAppWebAckEvent(shape(chat), 3)).toBeUndefined();
  });
});
