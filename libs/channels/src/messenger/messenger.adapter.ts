import { DownloadedMedia, OutboundContext } from '../channel-definition';
import { ChannelError, ChannelErrorCode } from '../channel-error';
import { OutboundMessage, SendResult } from '../channel-message.types';
import { GRAPH_DEFAULT_API_BASE_URL, GRAPH_DEFAULT_API_VERSION, GraphApiClient } from '../meta/graph-api.client';
import { OutboundChannelAdapter } from '../outbound-channel.adapter';
import { messengerMessagingType } from './messenger-send-rules.constant';

function graphOf(context: Pick<OutboundContext, 'inbox' | 'timeoutMs' | 'http'>): GraphApiClient {
  const { settings, secrets } = context.inbox;
  return new GraphApiClient(
    {
      apiBaseUrl: typeof settings.apiBaseUrl === 'string' ? settings.apiBaseUrl : GRAPH_DEFAULT_API_BASE_URL,
      version: typeof settings.graphApiVersion === 'string' ? settings.graphApiVersion : GRAPH_DEFAULT_API_VERSION,
      accessToken: secrets.pageAccessToken ?? '',
      timeoutMs: context.timeoutMs,
    },
    context.http,
  );
}

// Messenger's and Instagram's Send API (POST /me/messages with the page token): a standard RESPONSE within 24 hours
// of the person's last message, the HUMAN_AGENT tag after that (the send rules stop at 7 days).
export class MessengerAdapter implements OutboundChannelAdapter {
  private readonly graph: GraphApiClient;

  constructor(context: Pick<OutboundContext, 'inbox' | 'timeoutMs' | 'http'>) {
    this.graph = graphOf(context);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const recipient = message.recipient.externalId;
    if (!recipient) throw new ChannelError(ChannelErrorCode.RecipientInvalid, 'The person has no conversation with this account');
    const type = messengerMessagingType(message.lastInboundAt);
    const answer = await this.graph.call<{ message_id?: string }>('POST', 'me/messages', {
      recipient: { id: recipient },
      ...(type === 'RESPONSE' ? { messaging_type: 'RESPONSE' } : { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }),
      message: { text: message.text },
    });
    return { providerMessageId: typeof answer.message_id === 'string' ? answer.message_id : undefined, acceptedAt: new Date() };
  }

  // The public profile Meta shares with the page: Messenger's first and last name, Instagram's name or username.
  async profile(externalId: string): Promise<{ name?: string; pictureUrl?: string }> {
    if (!/^\d{1,40}$/.test(externalId)) return {};
    const answer = await this.graph.call<{
      first_name?: string;
      last_name?: string;
      name?: string;
      username?: string;
      profile_pic?: string;
    }>('GET', `${externalId}?fields=first_name,last_name,name,username,profile_pic`);
    const name = answer.name ?? ([answer.first_name, answer.last_name].filter(Boolean).join(' ') || answer.username);
    return { name: name || undefined, pictureUrl: answer.profile_pic };
  }

  // Meta's profile pictures live on its CDN; anything else named here is not fetched (GraphApiClient.download).
  async picture(url: string, maxBytes: number): Promise<DownloadedMedia> {
    return this.graph.download(url, maxBytes);
  }
}
