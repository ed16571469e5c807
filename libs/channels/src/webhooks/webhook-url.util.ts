import { ChannelWebhooks } from '../channel-definition';

// The one way a webhook URL is written: {PUBLIC_URL}/webhooks/<prefix>/<inboxId>/<path>. Providers sign the URL they
// call (Twilio), and administrators paste it into consoles, so it is built from the configured public URL only.
export function channelWebhookUrl(publicUrl: string, prefix: string, inboxId: string, path: string): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/webhooks/${prefix}/${inboxId}`;
  return path ? `${base}/${path.replace(/^\/+/, '')}` : base;
}

export interface InboxWebhookUrl {
  // The staff app's key for where the administrator pastes it (WebhookRoute.pastedAs).
  purpose: string;
  url: string;
  // The provider signs nothing: the administrator appends ?token=<the inbox secret>, shown once.
  needsToken: boolean;
}

// The URLs an administrator pastes into the provider's console for an inbox of this definition.
export function inboxWebhookUrls(
  publicUrl: string,
  definition: { webhooks: ChannelWebhooks | null } | undefined,
  inboxId: string,
): InboxWebhookUrl[] {
  const webhooks = definition?.webhooks;
  if (!webhooks) return [];
  return webhooks.routes.flatMap((route) =>
    route.pastedAs
      ? [
          {
            purpose: route.pastedAs,
            url: channelWebhookUrl(publicUrl, webhooks.prefix, inboxId, route.path),
            needsToken: (route.openApi.query ?? []).some((query) => query.name === 'token'),
          },
        ]
      : [],
  );
}
