import { ApiException, GuardedHttpClient } from '@app/common';
import { ChannelKind } from '../channel-kind.enum';
import { ChannelErrorCode } from '../channel-error';
import { prepareChannelSettings } from '../provider-settings.util';
import { LogSmsAdapter } from './providers/log/log-sms.adapter';
import { TwilioSmsAdapter } from './providers/twilio/twilio-sms.adapter';
import { UnifonicSmsAdapter } from './providers/unifonic/unifonic-sms.adapter';
import { createSmsOutboundAdapter } from './sms-outbound.adapter';
import { createSmsAdapter, SMS_PROVIDERS } from './sms-provider.registry';
import { SmsProvider } from './sms-provider.enum';

const context = {
  settings: { accountSid: 'AC00000000000000000000000000000000' },
  secrets: { authToken: 't' },
  timeoutMs: 1_000,
  http: new GuardedHttpClient({ allowPrivateNetworks: false }),
};

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
  // As in the sandbox and the test suites, where provider stand-ins listen on 127.0.0.1.
  const allowingPrivate = { allowPrivateNetworks: true };
  const refusingPrivate = { allowPrivateNetworks: false };

  it('should move credentials into secrets and default the API base URL', () => {
    expect(
      prepareChannelSettings(
        ChannelKind.Sms,
        'twilio',
        {
          accountSid: 'AC00000000000000000000000000000000',
          authToken: 'secret-token',
          phoneNumber: '+966110000000',
        },
        allowingPrivate,
      ),
    ).toEqual({
      provider: 'twilio',
      settings: { accountSid: 'AC00000000000000000000000000000000', phoneNumber: '+966110000000', apiBaseUrl: 'https://api.twilio.com' },
      secrets: { authToken: 'secret-token' },
    });
    expect(
      prepareChannelSettings(
        ChannelKind.Sms,
        'taqnyat',
        { apiToken: 'tok', sender: 'Jameiati', apiBaseUrl: 'http://127.0.0.1:4010/' },
        allowingPrivate,
      ),
    ).toEqual({
      provider: 'taqnyat',
      settings: { sender: 'Jameiati', apiBaseUrl: 'http://127.0.0.1:4010' },
      secrets: { apiToken: 'tok' },
    });
  });

  it('should name an unknown settings field instead of dropping it', () => {
    const attempt = () =>
      prepareChannelSettings(
        ChannelKind.Sms,
        'twilio',
        {
          accountSid: 'AC00000000000000000000000000000000',
          authToken: 'secret-token',
          phoneNumber: '+966110000000',
          apiBaseURL: 'http://127.0.0.1:4010',
        },
        allowingPrivate,
      );
    expect(attempt).toThrow(ApiException);
    try {
      attempt();
    } catch (error) {
      expect((error as ApiException).fields?.map((problem) => problem.field)).toEqual(['settings.apiBaseURL']);
    }
  });

  it('should create a log inbox, whose settings class has no fields, with empty settings', () => {
    expect(prepareChannelSettings(ChannelKind.Sms, SmsProvider.Log, {}, allowingPrivate)).toEqual({
      provider: SmsProvider.Log,
      settings: {},
      secrets: {},
    });
  });

  it('should pass other channels through untouched and name the fields at fault', () => {
    const webChat = { allowedOrigins: ['https://example.org'], anything: { nested: true } };
    expect(prepareChannelSettings(ChannelKind.WebChat, undefined, webChat, allowingPrivate)).toEqual({
      provider: null,
      settings: webChat,
      secrets: {},
    });
    expect(() => prepareChannelSettings(ChannelKind.Sms, 'unifonic', { senderId: '12345' }, allowingPrivate)).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining([
          expect.objectContaining({ field: 'settings.appSid' }),
          expect.objectContaining({ field: 'settings.senderId' }),
        ]),
      }),
    );
    expect(() => prepareChannelSettings(ChannelKind.Voice, 'unifonic', {}, allowingPrivate)).toThrow(
      expect.objectContaining({ fields: [{ field: 'provider', message: 'must be twilio' }] }),
    );
  });

  it('should refuse a provider base URL with credentials, or on a private address unless the deployment allows it', () => {
    const twilio = { accountSid: 'AC00000000000000000000000000000000', authToken: 'secret-token', phoneNumber: '+966110000000' };
    const fieldsOf = (attempt: () => unknown) => {
      try {
        attempt();
      } catch (error) {
        return (error as { getResponse(): { fields: { field: string }[] } }).getResponse().fields;
      }
      return [];
    };
    for (const apiBaseUrl of ['http://0x7f000001:4010', 'http://[::1]:4010', 'http://169.254.169.254', 'http://10.0.0.7']) {
      expect(fieldsOf(() => prepareChannelSettings(ChannelKind.Sms, 'twilio', { ...twilio, apiBaseUrl }, refusingPrivate))).toEqual([
        { field: 'settings.apiBaseUrl', message: 'must not point to a private, loopback or link-local address' },
      ]);
      expect(
        fieldsOf(() => prepareChannelSettings(ChannelKind.Voice, 'twilio', { ...twilio, forwardTo: [], apiBaseUrl }, refusingPrivate)),
      ).toEqual([{ field: 'settings.apiBaseUrl', message: 'must not point to a private, loopback or link-local address' }]);
    }
    expect(
      fieldsOf(() =>
        prepareChannelSettings(
          ChannelKind.Sms,
          'taqnyat',
          { apiToken: 't', sender: 'Jameiati', apiBaseUrl: 'https://u:p@api.taqnyat.sa' },
          allowingPrivate,
        ),
      ),
    ).toEqual([{ field: 'settings.apiBaseUrl', message: 'must not contain credentials (user:password@)' }]);
    expect(prepareChannelSettings(ChannelKind.Sms, 'twilio', twilio, refusingPrivate).settings.apiBaseUrl).toBe('https://api.twilio.com');
  });
});
