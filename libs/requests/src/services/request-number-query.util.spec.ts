import { requestNumberQuery } from './request-number-query.util';

describe(requestNumberQuery.name, () => {
  it.each([
    ['12', 12],
    [' 12 ', 12],
    ['#12', 12],
    ['١٢', 12],
    ['طلب 12', 12],
    ['رقم الطلب ١٢', 12],
    ['طلبي رقم 12؟', 12],
  ])('should read %p as request %p', (text, number) => {
    expect(requestNumberQuery(text)).toBe(number);
  });

  it.each(['السلام عليكم', 'رقمي 0551234567 اتصلوا', '12 شخص', '0', 'متى يرد على طلب 12؟'])(
    'should not read %p as a number query',
    (text) => {
      expect(requestNumberQuery(text)).toBeUndefined();
    },
  );
});
