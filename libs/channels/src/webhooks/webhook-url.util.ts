// The one way a webhook URL is written: {PUBLIC_URL}/webhooks/<prefix>/<inboxId>/<path>. Providers sign the URL they
// call (Twilio), and administrators paste it into consoles, so it is built from the configured public URL only.
export function channelWebhookUrl(publicUrl: string, prefix: string, inboxId: string, path: string): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/webhooks/${prefix}/${inboxId}`;
  return path ? `${base}/${path.replace(/^\/+/, '')}` : base;
}
