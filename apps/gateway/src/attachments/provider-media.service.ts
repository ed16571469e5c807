import { findChannelDefinition } from '@app/channels';
import { GuardedHttpClient } from '@app/common';
import { WaslConfig } from '@app/config';
import { InboxesService } from '@app/inboxes';
import { Injectable, Logger } from '@nestjs/common';

// A voicemail of a few minutes or a photo; more is not something an officer opens in the page.
const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
const MEDIA_TIMEOUT_MILLISECONDS = 15_000;
// Types the page may show or play; anything else is downloaded as bytes, never rendered on the gateway's origin.
const SHOWN_TYPES = /^(image\/(png|jpeg|gif|webp)|audio\/(x-wav|wav|mpeg|mp3|ogg|amr)|video\/(mp4|3gpp)|application\/pdf)$/;

export interface ProviderMedia {
  content: Buffer;
  contentType: string;
}

// Files a provider keeps for an inbound message (MMS media, voicemail recordings), fetched for a staff member through
// the guarded client, with the headers the inbox's channel definition gives for that URL (its credentials, to its own
// host only); the client drops them on a redirect to another origin (Twilio redirects media to its storage).
@Injectable()
export class ProviderMediaService {
  private readonly logger = new Logger(ProviderMediaService.name);
  private readonly http: GuardedHttpClient;

  constructor(
    private readonly inboxes: InboxesService,
    config: WaslConfig,
  ) {
    this.http = new GuardedHttpClient({
      allowPrivateNetworks: config.channels.allowPrivateNetworks,
      maxResponseBytes: MAX_MEDIA_BYTES,
      timeoutMs: MEDIA_TIMEOUT_MILLISECONDS,
    });
  }

  async fetch(inboxId: string, url: string): Promise<ProviderMedia | undefined> {
    if (!/^https?:\/\//i.test(url)) return undefined;
    const found = await this.inboxes.findWithSecrets(inboxId);
    if (!found) return undefined;
    const { inbox, secrets } = found;
    const definition = findChannelDefinition(inbox.channel, inbox.provider);
    const headers =
      definition?.mediaHeaders?.(
        { id: inbox.id, organisationId: inbox.organisationId, provider: inbox.provider, settings: inbox.settings, secrets },
        new URL(url),
      ) ?? {};
    try {
      const response = await this.http.request({ method: 'GET', url, headers });
      if (response.status !== 200) {
        this.logger.warn(`Provider media answered ${response.status} for inbox ${inboxId}`);
        return undefined;
      }
      const declared = String(response.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      return { content: response.body, contentType: SHOWN_TYPES.test(declared) ? declared : 'application/octet-stream' };
    } catch (error) {
      this.logger.warn(`Provider media could not be fetched for inbox ${inboxId}: ${(error as Error).message}`);
      return undefined;
    }
  }
}
