import { parseWebChatSettings } from './webchat-settings.dto';

describe(parseWebChatSettings.name, () => {
  it('should fill defaults: name and mobile required, e-mail optional, no working hours', () => {
    expect(parseWebChatSettings({})).toEqual({
      allowedOrigins: [],
      preChat: { name: 'required', phone: 'required', email: 'optional' },
      workingHours: undefined,
      offlineMessage: undefined,
      greeting: undefined,
    });
  });

  it('should normalise origins and complete partial working hours with the Saudi week', () => {
    const settings = parseWebChatSettings({ allowedOrigins: ['https://Example.org/'], workingHours: { from: '09:00' } });
    expect(settings.allowedOrigins).toEqual(['https://example.org']);
    expect(settings.workingHours).toEqual({ timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '09:00', to: '16:00' });
  });

  it('should name every invalid field', () => {
    try {
      parseWebChatSettings({
        preChat: { phone: 'sometimes' },
        workingHours: { from: '25:00', days: [7], timeZone: 'Mars/Olympus' },
        allowedOrigins: 'x',
      });
      fail('expected a validation error');
    } catch (error) {
      const fields = (error as { fields: { field: string }[] }).fields.map((item) => item.field);
      expect(fields).toEqual(
        expect.arrayContaining(['preChat.phone', 'workingHours.from', 'workingHours.days', 'workingHours.timeZone', 'allowedOrigins']),
      );
    }
  });
});
