import * as channels from '@app/channels';
import { WEBCHAT_NAMESPACE, WebChatEvent, WebChatMessagePayload } from '@app/wire';

// libs/channels keeps its own copy of the web chat names and message payload until the channel rebuild imports them
// from libs/wire; the worker's replies (channels) and the gateway's messages (wire) must stay the same protocol.
type Same<Left, Right> = [Left] extends [Right] ? ([Right] extends [Left] ? true : false) : false;
const payloadsAgree: Same<channels.WebChatMessagePayload, WebChatMessagePayload> = true;

describe('web chat wire types', () => {
  it('should name the same events on the same namespace as the channel adapter', () => {
    expect(payloadsAgree).toBe(true);
    expect(channels.WEBCHAT_NAMESPACE).toBe(WEBCHAT_NAMESPACE);
    expect({ ...channels.WebChatEvent }).toEqual({ ...WebChatEvent });
  });
});
