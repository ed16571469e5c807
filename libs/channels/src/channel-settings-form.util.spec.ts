import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl } from 'class-validator';
import { ChannelKind } from './channel-kind.enum';
import { allChannelDefinitions, findChannelDefinition } from './channel.registry';
import { settingsFieldNames, settingsFormFields, settingsFormProblems } from './channel-settings-form.util';

class ExampleSettingsDto {
  @IsString() @IsNotEmpty() apiKey: string;
  @IsIn(['fast', 'cheap']) route: string;
  @IsOptional() @IsUrl() apiBaseUrl?: string;
}

const example = {
  settings: ExampleSettingsDto,
  secretFields: ['apiKey'],
  webhooks: null,
  form: {
    title: { ar: 'مثال', en: 'Example' },
    fields: {
      apiKey: { label: { ar: 'المفتاح', en: 'Key' } },
      route: { label: { ar: 'المسار', en: 'Route' }, options: { fast: { ar: 'سريع', en: 'Fast' }, cheap: { ar: 'رخيص', en: 'Cheap' } } },
      apiBaseUrl: { label: { ar: 'العنوان', en: 'Address' } },
    },
  },
};

describe('settingsFormFields', () => {
  it('should take every registered definition’s fields from its DTO and label each in Arabic and English', () => {
    for (const definition of allChannelDefinitions()) {
      const name = `${definition.kind}/${definition.provider ?? '-'}`;
      expect([name, settingsFormProblems(definition)]).toEqual([name, []]);
      const fields = settingsFormFields(definition);
      expect([name, fields.map((field) => field.name).sort()]).toEqual([name, settingsFieldNames(definition).sort()]);
      for (const field of fields) {
        expect(field.label.ar).toMatch(/\S/);
        expect(field.label.en).toMatch(/\S/);
      }
    }
  });

  it('should derive types, requirement and choices from class-validator and keep credentials write-only', () => {
    expect(settingsFormFields(example)).toEqual([
      expect.objectContaining({ name: 'apiKey', input: 'secret', required: true, writeOnly: true, group: null }),
      expect.objectContaining({
        name: 'route',
        input: 'choice',
        required: true,
        options: [
          { value: 'fast', label: { ar: 'سريع', en: 'Fast' } },
          { value: 'cheap', label: { ar: 'رخيص', en: 'Cheap' } },
        ],
      }),
      expect.objectContaining({ name: 'apiBaseUrl', input: 'url', required: false, writeOnly: false }),
    ]);
  });

  it('should describe Msegat SMS, which has no web-app code of its own, field by field', () => {
    const msegat = settingsFormFields(findChannelDefinition(ChannelKind.Sms, 'msegat')!);
    expect(msegat.map((field) => [field.name, field.input, field.required])).toEqual([
      ['userName', 'text', true],
      ['apiKey', 'secret', true],
      ['userSender', 'text', true],
      ['apiBaseUrl', 'url', false],
    ]);
    expect(msegat[0]).toMatchObject({ label: { ar: 'اسم المستخدم في مسجات', en: 'Msegat user name' }, maxLength: 200 });
  });

  it('should walk nested settings into groups, keep working hours whole and make a field of an optional group optional', () => {
    const fields = settingsFormFields(findChannelDefinition(ChannelKind.WebChat, null)!);
    const byName = new Map(fields.map((field) => [field.name, field]));
    expect(byName.get('allowedOrigins')).toMatchObject({ input: 'list', required: false });
    expect(byName.get('preChat')).toMatchObject({ input: 'group' });
    expect(byName.get('preChat.phone')).toMatchObject({ input: 'choice', group: 'preChat', initial: 'required' });
    expect(byName.get('workingHours')).toMatchObject({ input: 'working-hours' });
    expect(byName.get('offlineMessage')).toMatchObject({ input: 'long-text', maxLength: 1000 });
    // The SMS inbox is required inside phoneVerification, which itself may be left out.
    expect(byName.get('phoneVerification.smsInboxId')).toMatchObject({ input: 'inbox-reference', references: 'sms', required: false });
    expect(fields.some((field) => field.name.startsWith('workingHours.'))).toBe(false);
    const voice = settingsFormFields(findChannelDefinition(ChannelKind.Voice, 'twilio')!);
    expect(voice.find((field) => field.name === 'dialTimeoutSeconds')).toMatchObject({ input: 'number', minimum: 5, maximum: 60 });
  });

  it('should name a field without labels, a label in one language, an unlabelled choice and a label for a field the DTO lacks', () => {
    const broken = {
      ...example,
      form: {
        title: { ar: 'مثال', en: '' },
        fields: {
          apiKey: { label: { ar: 'المفتاح', en: ' ' } },
          route: { label: { ar: 'المسار', en: 'Route' }, options: { fast: { ar: 'سريع', en: 'Fast' } } },
          senderName: { label: { ar: 'المرسل', en: 'Sender' } },
        },
      },
    };
    expect(settingsFormProblems(broken)).toEqual([
      'has no title in both languages',
      'has no label in both languages for apiKey',
      'has no label in both languages for route = cheap',
      'has no labels for the settings field apiBaseUrl',
      'labels senderName, which its settings class does not have',
    ]);
  });

  it('should want a label for every webhook URL an administrator pastes', () => {
    const withWebhook = { ...example, webhooks: { prefix: 'example', routes: [{ pastedAs: 'exampleInbound' }] } } as never;
    expect(settingsFormProblems(withWebhook)).toEqual(['has no label in both languages for the webhook URL exampleInbound']);
  });
});
