import { optionsFromText, optionsToText } from './request-type-form.util';

describe(optionsFromText.name, () => {
  it('should read one option a line, filling missing labels, and write them back the same way', () => {
    const options = optionsFromText('rent|مستأجر|Renting\n\n family | مع الأهل \nowned');
    expect(options).toEqual([
      { value: 'rent', labelAr: 'مستأجر', labelEn: 'Renting' },
      { value: 'family', labelAr: 'مع الأهل', labelEn: 'مع الأهل' },
      { value: 'owned', labelAr: 'owned', labelEn: 'owned' },
    ]);
    expect(optionsToText(options.slice(0, 1))).toBe('rent|مستأجر|Renting');
  });
});
