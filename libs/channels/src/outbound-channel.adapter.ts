import { OutboundMessage, SendResult } from './channel-message.types';

// What the outbound worker needs from any channel. Adapters map Wasl's message to the vendor call and the
// vendor's failures to ChannelError codes; they never touch the database or know about tenants.
export interface OutboundChannelAdapter {
  send(message: OutboundMessage): Promise<SendResult>;
}
