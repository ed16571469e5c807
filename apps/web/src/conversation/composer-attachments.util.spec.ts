import { localProblemOf } from './composer-attachments.util';

const rule = {
  contentTypes: ['image/png', 'image/jpeg', 'application/pdf'],
  maxCount: 2,
  maxBytes: 5 * 1024 * 1024,
  maxTotalBytes: 10 * 1024 * 1024,
  maxCaptionLength: null,
  note: 'web chat',
};

describe(localProblemOf.name, () => {
  it('should let a file within the rule through and leave a type the browser does not know to the server', () => {
    expect(localProblemOf({ type: 'application/pdf', size: 1000 }, rule, 0)).toBeNull();
    expect(localProblemOf({ type: '', size: 1000 }, rule, 1)).toBeNull();
  });

  it('should name a type the channel does not carry, a file too large and one file too many', () => {
    expect(localProblemOf({ type: 'image/gif', size: 10 }, rule, 0)).toEqual({ key: 'wrongType' });
    expect(localProblemOf({ type: 'image/png', size: 6 * 1024 * 1024 }, rule, 0)).toEqual({ key: 'tooLarge', maxBytes: rule.maxBytes });
    expect(localProblemOf({ type: 'image/png', size: 10 }, rule, 2)).toEqual({ key: 'tooMany', maxCount: 2 });
  });
});
