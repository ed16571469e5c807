import { ChannelErrorCode, decideOnChannelError } from './channel-error';

describe(decideOnChannelError.name, () => {
  it('should retry transient failures and never retry permanent ones', () => {
    expect(decideOnChannelError(ChannelErrorCode.Temporary).retry).toBe(true);
    expect(decideOnChannelError(ChannelErrorCode.RateLimited).retry).toBe(true);
    expect(decideOnChannelError(ChannelErrorCode.Unknown).retry).toBe(true);
    expect(decideOnChannelError(ChannelErrorCode.AuthInvalid).retry).toBe(false);
    expect(decideOnChannelError(ChannelErrorCode.RecipientInvalid).retry).toBe(false);
  });
});
