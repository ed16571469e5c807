import { providerAwareBackoff } from './provider-aware-backoff.util';

describe(providerAwareBackoff.name, () => {
  it.each([
    ['the first retry without a provider hint', 1, undefined, 50],
    ['the third retry without a provider hint', 3, undefined, 200],
    ['a Retry-After longer than the backoff', 1, 5_000, 5_000],
    ['a Retry-After shorter than the backoff', 4, 100, 400],
    ['a Retry-After of several hours, capped at one', 1, 8 * 3_600_000, 3_600_000],
    ['a nonsense Retry-After', 2, Number.NaN, 100],
  ])('should wait as long as the larger of the two for %s', (_case, attemptsMade, retryAfterMilliseconds, expected) => {
    const error = Object.assign(new Error('rate limited'), { retryAfterMilliseconds });
    expect(providerAwareBackoff(attemptsMade, 50, error)).toBe(expected);
  });
});
