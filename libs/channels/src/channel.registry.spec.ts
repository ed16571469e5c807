import { ApiException, GuardedHttpClient } from '@app/common';
import { ChannelDefinition, OutboundContext } from './channel-definition';
import { channelDefinitionProblems } from './channel-definitions.check';
import { ChannelErrorCode } from './channel-error';
import { ChannelKind } from './channel-kind.enum';
import { prepareChannelSettings } from './channel-settings.util';
import { CHANNELS, createOutboundAdapter } from './channel.registry';
import { LogSmsAdapter } from './sms/providers/log/log-sms.adapter';
import { TwilioSmsAdapter } from './sms/providers/twilio/twilio-sms.adapter';
import { UnifonicSmsAdapter } from './sms/providers/unifonic/unifonic-sms.adapter';
import { SmsOutboundAdapter } from './sms/sms-outbound.adapter';

function contextFor(provider: string | null, settings: Record<string, unknown>, secrets: Record<string, string>): OutboundContext {
  return {
    inbox: { id: 'inbox', organisationId: 'organisation', provider, settings: settings as OutboundContext['inbox']['settings'], secrets },
    http: new GuardedHttpClient({ allowPrivateNetworks: false }),
    realtime: { toWebChatRoom: () => undefined },
    webhookUrl: (path) => `https://gw.example.org/webhooks/x/inbox/${path}`,
    reportDelivery: true,
    timeoutMs: 1_000,
    attachmentLink: (attachment, audience) => ({
      url: `${audience === 'provider' ? 'https://gw.example.org' : ''}${attachment.path}?expires=1&signature=s`,
      expiresAt: new Date('2026-12-02T12:00:00Z'),
    }),
    attachmentContent: () => Promise.reject(new Error('no file is read in this test')),
  };
}

const pdf = {
  id: '5a8f0c1e-0000-4000-8000-000000000001',
  path: '/files/inbox/conversation/5a8f0c1e-0000-4000-8000-000000000001.pdf',
  contentType: 'application/pdf',
  fileName: 'تقرير.pdf',
  sizeBytes: 1200,
};

const twilioContext = contextFor('twilio', { accountSid: 'AC00000000000000000000000000000000' }, { authToken: 't' });

function providerOf(adapter: unknown): unknown {
  return (adapter as SmsOutboundAdapter).provider;
}

describe('CHANNELS', () => {
  it('should hold a complete definition for every channel kind and provider', () => {
    expect(channelDefinitionProblems(CHANNELS)).toEqual([]);
    expect(CHANNELS[ChannelKind.Sms].map((definition) => definition.provider)).toEqual(['twilio', 'unifonic', 'taqnyat', 'msegat', 'log']);
  });

  it('should name every part a definition is missing', () => {
    const broken = {
      ...CHANNELS[ChannelKind.Sms][0],
      title: '',
      secretFields: ['authToken', 'password'],
      outbound: undefined,
      sendRules: {},
      webhooks: {
        prefix: 'unifonic',
        routes: [{ ...CHANNELS[ChannelKind.Sms][0].webhooks!.routes[0], verify: undefined, openApi: { contentTypes: [] } }],
      },
    } as unknown as ChannelDefinition;
    const problems = channelDefinitionProblems({ ...CHANNELS, [ChannelKind.Sms]: [...CHANNELS[ChannelKind.Sms], broken] });
    expect(problems).toEqual([
      'sms: a provider is defined twice',
      'sms/twilio: has no title',
      'sms/twilio: names password, which its settings class does not validate',
      'sms/twilio: has no send rules',
      'sms/twilio: offers outreach but cannot send',
      'sms/twilio: has no outbound factory (null if it cannot send)',
      'sms/twilio: reuses the webhook prefix unifonic of unifonic',
      'sms/twilio: POST sms is not verified',
      'sms/twilio: POST sms does not document its body',
      'sms/twilio: POST sms does not document its answer',
    ]);
    expect(channelDefinitionProblems({ ...CHANNELS, [ChannelKind.WalkIn]: [] })).toEqual(['walk_in: no definition']);
  });

  it('should make every definition state which files a reply may carry, and a rule Wasl can check', () => {
    const [twilio] = CHANNELS[ChannelKind.Sms];
    const silent = { ...CHANNELS[ChannelKind.Sms][1], attachments: undefined } as unknown as ChannelDefinition;
    const careless = {
      ...twilio,
      attachments: { contentTypes: ['image/gif'], maxCount: 0, maxBytes: 10, maxTotalBytes: 5, note: '' },
    } as unknown as ChannelDefinition;
    const mute = { ...CHANNELS[ChannelKind.WalkIn][0], attachments: { ...twilio.attachments! } } as ChannelDefinition;
    expect(channelDefinitionProblems({ ...CHANNELS, [ChannelKind.Sms]: [careless, silent], [ChannelKind.WalkIn]: [mute] })).toEqual([
      'sms/twilio: allows image/gif, which Wasl cannot tell by its first bytes',
      'sms/twilio: has an attachment rule without a positive count and sizes',
      'sms/twilio: has an attachment rule that does not say where it comes from',
      'sms/unifonic: does not state its attachment rule (null if it carries no files)',
      'walk_in/-: allows attachments but cannot send',
    ]);
  });

  it('should let only the channels whose adapters send files carry them', () => {
    const carrying = Object.values(CHANNELS)
      .flat()
      .filter((definition) => definition.attachments !== null)
      .map((definition) => `${definition.kind}/${definition.provider ?? '-'}`);
    expect(carrying).toEqual(['api/-', 'webchat/-', 'sms/twilio', 'whatsapp/cloud', 'whatsapp/web', 'telegram/-']);
    expect(CHANNELS[ChannelKind.WebChat][0].attachments).toMatchObject({
      contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
      maxBytes: 5 * 1024 * 1024,
    });
  });
});

describe(createOutboundAdapter.name, () => {
  it('should refuse a reply with files on an SMS provider without MMS rather than send the text alone', async () => {
    const unifonic = createOutboundAdapter(ChannelKind.Sms, 'unifonic', contextFor('unifonic', {}, { appSid: 'a' }));
    await expect(
      unifonic.send({
        messageId: 'm',
        conversationId: 'c',
        text: 'x',
        createdAt: new Date(),
        recipient: { phone: '+966500000001' },
        attachments: [pdf],
      }),
    ).rejects.toMatchObject({ code: ChannelErrorCode.AuthInvalid });
  });

  it('should build a fresh adapter per call for every provider and refuse unknown ones', () => {
    expect(providerOf(createOutboundAdapter(ChannelKind.Sms, 'twilio', twilioContext))).toBeInstanceOf(TwilioSmsAdapter);
    expect(providerOf(createOutboundAdapter(ChannelKind.Sms, 'unifonic', twilioContext))).toBeInstanceOf(UnifonicSmsAdapter);
    expect(providerOf(createOutboundAdapter(ChannelKind.Sms, 'log', twilioContext))).toBeInstanceOf(LogSmsAdapter);
    expect(createOutboundAdapter(ChannelKind.Sms, 'twilio', twilioContext)).not.toBe(
      createOutboundAdapter(ChannelKind.Sms, 'twilio', twilioContext),
    );
    expect(() => createOutboundAdapter(ChannelKind.Sms, 'carrier-pigeon', twilioContext)).toThrow(
      expect.objectContaining({ code: ChannelErrorCode.AuthInvalid }),
    );
  });

  it('should refuse to send to a contact without an E.164 phone, and let the log provider send without keys', async () => {
    const recipient = (phone?: string) => ({
      messageId: 'm',
      conversationId: 'c',
      text: 'مرحبا',
      createdAt: new Date(),
      recipient: { phone },
    });
    const log = () => createOutboundAdapter(ChannelKind.Sms, 'log', contextFor('log', {}, {}));
    await expect(log().send(recipient())).rejects.toMatchObject({ code: ChannelErrorCode.RecipientInvalid });
    await expect(log().send(recipient('+966500000001'))).resolves.toMatchObject({ providerMessageId: 'log-m' });
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
    expect(prepareChannelSettings(ChannelKind.Sms, 'log', {}, allowingPrivate)).toEqual({
      provider: 'log',
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
