import { ChannelKind } from '../channel-kind.enum';
import { ChannelErrorCode } from '../channel-error';
import { prepareChannelSettings } from '../provider-settings.util';
import { LogSmsAdapter } from './providers/log/log-sms.adapter';
import { TwilioSmsAdapter } from './providers/twilio/twilio-sms.adapter';
import { UnifonicSmsAdapter } from './providers/unifonic/unifonic-sms.adapter';
import { createSmsOutboundAdapter } from './sms-outbound.adapter';
import { createSmsAdapter, SMS_PROVIDERS } from './sms-provider.registry';
import { SmsProvider } from './sms-provider.enum';

const context = { settings: { accountSid: 'AC00000000000000000000000000000000' }, secrets: { authToken: 't' }, timeoutMs: 1_000 };

describe(createSmsAdapter.name, () => {
  it('should build a fresh adapter per call for every provider and refuse unknown ones', () => {
    expect(Object.keys(SMS_PROVIDERS).sort()).toEqual(Object.values(SmsProvider).sort());
    expect(createSmsAdapter('twilio', context)).toBeInstanceOf(TwilioSmsAdapter);
    expect(createSmsAdapter('unifonic', context)).toBeInstanceOf(UnifonicSmsAdapter);
    expect(createSmsAdapter('log', context)).toBeInstanceOf(LogSmsAdapter);
    expect(createSmsAdapter('twilio', context)).not.toBe(createSmsAdapter('twilio', context));
    expect(() => createSmsAdapter('carrier-pigeon', context)).toThrow(expect.objectContaining({ code: ChannelErrorCode.AuthInvalid }));
  });

  it('should refuse to send to a contact without an E.164 phone, and let the log provider send without keys', async () => {
    const options = { ...context, inboxId: 'inbox', provider: 'log', publicUrl: 'https://gw.example.org' };
    const recipient = (phone?: string) => ({
      messageId: 'm',
      conversationId: 'c',
      text: 'مرحبا',
      createdAt: new Date(),
      recipient: { phone },
    });
    await expect(createSmsOutboundAdapter(options).send(recipient())).rejects.toMatchObject({ code: ChannelErrorCode.RecipientInvalid });
    await expect(createSmsOutboundAdapter(options).send(recipient('+966500000001'))).resolves.toMatchObject({ providerMessageId: 'log-m' });
  });
});

describe(prepareChannelSettings.name, () => {
  it('should move credentials into secrets and default the API base URL', () => {
    expect(
      prepareChannelSettings(ChannelKind.Sms, 'twilio', {
        accountSid: 'AC00000000000000000000000000000000',
        authToken: 'secret-token',
        phoneNumber: '+966110000000',
        unexpected: 'dropped',
      }),
    ).toEqual({
      provider: 'twilio',
      settings: { accountSid: 'AC00000000000000000000000000000000', phoneNumber: '+966110000000', apiBaseUrl: 'https://api.twilio.com' },
      secrets: { authToken: 'secret-token' },
    });
    expect(
      prepareChannelSettings(ChannelKind.Sms, 'taqnyat', { apiToken: 'tok', sender: 'Jameiati', apiBaseUrl: 'http://127.0.0.1:4010/' }),
    ).toEqual({
      provider: 'taqnyat',
      settings: { sender: 'Jameiati', apiBaseUrl: 'http://127.0.0.1:4010' },
      secrets: { apiToken: 'tok' },
    });
  });

  it('should pass other channels through untouched and name the fields at fault', () => {
    const webChat = { allowedOrigins: ['https://example.org'], anything: { nested: true } };
    expect(prepareChannelSettings(ChannelKind.WebChat, undefined, webChat)).toEqual({ provider: null, settings: webChat, secrets: {} });
    expect(() => prepareChannelSettings(ChannelKind.Sms, 'unifonic', { senderId: '12345' })).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining([
          expect.objectContaining({ field: 'settings.appSid' }),
          expect.objectContaining({ field: 'settings.senderId' }),
        ]),
      }),
    );
    expect(() => prepareChannelSettings(ChannelKind.Voice, 'unifonic', {})).toThrow(
      expect.objectContaining({ fields: [{ field: 'provider', message: 'must be twilio' }] }),
    );
  });
});
