import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { definitionOf, localised, useChannelDefinitions } from './channel-definitions.query';
import { CopyableValue } from './copyable-value';
import { webhookUrlsOf } from './inbox-form.util';

interface InboxWebhookUrlsProps {
  inbox: { channel: string; provider: string | null; webhookUrls: Array<{ purpose: string; url: string; needsToken: boolean }> };
  // Shown once after creation or rotation; null afterwards, when the URLs carry a placeholder for it.
  secret: string | null;
}

// The URLs the administrator pastes into the provider's console, as the gateway built them from PUBLIC_URL, each
// named by its definition ("where it goes").
export function InboxWebhookUrls({ inbox, secret }: InboxWebhookUrlsProps) {
  const { t, i18n } = useTranslation();
  const definitions = useChannelDefinitions();
  const definition = definitionOf(definitions.data, inbox.channel, inbox.provider);
  const webhooks = webhookUrlsOf(inbox.webhookUrls, secret);
  if (webhooks.length === 0) return null;
  const labelOf = (purpose: string) => {
    const label = definition?.webhooks?.find((webhook) => webhook.purpose === purpose)?.label;
    return label ? localised(label, i18n.language) : purpose;
  };
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('admin.inboxes.webhooks')}</Text>
      {webhooks.map((webhook) => (
        <CopyableValue key={webhook.purpose} label={labelOf(webhook.purpose)} value={webhook.url} />
      ))}
    </Stack>
  );
}
