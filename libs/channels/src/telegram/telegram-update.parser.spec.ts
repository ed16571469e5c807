import { ApiException } from '@app/common';
import update from './__fixtures__/update-private-text.json';
import { parseTelegramUpdate } from './telegram-update.parser';

describe(parseTelegramUpdate.name, () => {
  it('should read a private message (reference §5.3) keyed by update_id, the sender by their Telegram id', () => {
    expect(parseTelegramUpdate(update)).toEqual([
      {
        type: 'message',
        message: {
          providerMessageId: '123456789',
          sender: { externalId: '111111111', name: 'Ahmed' },
          text: 'مرحبا',
          attachments: [],
          sentAt: '2025-01-01T00:00:00.000Z',
        },
      },
    ]);
  });

  it('should name the largest photo size and a voice note by file id for the worker to fetch', () => {
    const [photo] = parseTelegramUpdate({
      update_id: 1,
      message: { ...update.message, text: undefined, caption: 'الهوية', photo: [{ file_id: 'small' }, { file_id: 'large', file_size: 9 }] },
    });
    expect(photo).toMatchObject({
      message: { text: 'الهوية', attachments: [{ providerMediaId: 'large', contentType: 'image/jpeg', sizeBytes: 9 }] },
    });
    const [voice] = parseTelegramUpdate({
      update_id: 2,
      message: { ...update.message, text: undefined, voice: { file_id: 'v', mime_type: 'audio/ogg' } },
    });
    expect(voice).toMatchObject({ message: { text: '', attachments: [{ providerMediaId: 'v', contentType: 'audio/ogg', voice: true }] } });
  });

  it('should ignore groups, bots and updates without a message, and refuse one without an update_id', () => {
    expect(parseTelegramUpdate({ ...update, message: { ...update.message, chat: { id: -100, type: 'group' } } })).toEqual([]);
    expect(parseTelegramUpdate({ ...update, message: { ...update.message, from: { ...update.message.from, is_bot: true } } })).toEqual([]);
    expect(parseTelegramUpdate({ update_id: 3, callback_query: {} })).toEqual([]);
    expect(() => parseTelegramUpdate({ message: update.message })).toThrow(ApiException);
  });
});
