import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InboxSummary } from '../api/api-client';
import { definitionOf, useChannelDefinitions } from './channel-definitions.query';
import { CopyableValue } from './copyable-value';
import { embedSnippetOf } from './inbox-form.util';
import { InboxWebhookUrls } from './inbox-webhook-urls';

// What to paste elsewhere for an existing inbox: the web chat embed snippet and the provider webhook URLs. The secret
// is never shown again, so URLs for providers that sign nothing carry a placeholder for it.
export function InboxConnectionPanel({ inbox }: { inbox: InboxSummary }) {
  const { t } = useTranslation();
  const definitions = useChannelDefinitions();
  const definition = definitionOf(definitions.data, inbox.channel, inbox.provider);
  // The app is served by the gateway at PUBLIC_URL, so this page's origin is the one the widget loads from.
  const origin = window.location.origin;
  const needsSecret = inbox.webhookUrls.some((webhook) => webhook.needsToken);
  return (
    <Stack gap="md" data-testid="inbox-connection">
      {inbox.channel === 'webchat' && (
        <CopyableValue label={t('admin.inboxes.embed')} value={embedSnippetOf(origin, inbox.id)} testId="embed-snippet" />
      )}
      <InboxWebhookUrls inbox={inbox} secret={null} />
      {needsSecret && (
        <Text size="sm" c="dimmed">
          {/* Isolated left to right, so its angle brackets are not mirrored inside Arabic text. */}
          {t('admin.inboxes.tokenPlaceholder', { placeholder: '\u2066<secret>\u2069' })}
        </Text>
      )}
      {definition?.registersWebhook && <Text size="sm">{t('admin.inboxes.webhookRegistered')}</Text>}
      {inbox.channel !== 'webchat' && inbox.webhookUrls.length === 0 && !definition?.registersWebhook && (
        <Text size="sm">{t('admin.inboxes.nothingToConnect')}</Text>
      )}
    </Stack>
  );
}
