import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InboxSummary } from '../api/api-client';
import { CopyableValue } from './copyable-value';
import { embedSnippetOf, webhookUrlsOf } from './inbox-form.util';

// What to paste elsewhere for an existing inbox: the web chat embed snippet and the provider webhook URLs. The secret
// is never shown again, so the Saudi gateways' URLs carry a placeholder for it.
export function InboxConnectionPanel({ inbox }: { inbox: InboxSummary }) {
  const { t } = useTranslation();
  // The app is served by the gateway at PUBLIC_URL, so this page's origin is the one providers must call.
  const origin = window.location.origin;
  const webhooks = webhookUrlsOf(origin, inbox, null);
  const needsSecret = webhooks.some((webhook) => webhook.url.includes('token='));
  return (
    <Stack gap="md" data-testid="inbox-connection">
      {inbox.channel === 'webchat' && (
        <CopyableValue label={t('admin.inboxes.embed')} value={embedSnippetOf(origin, inbox.id)} testId="embed-snippet" />
      )}
      {webhooks.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('admin.inboxes.webhooks')}</Text>
          {webhooks.map((webhook) => (
            <CopyableValue key={webhook.purpose} label={t(`admin.inboxes.webhookPurposes.${webhook.purpose}`)} value={webhook.url} />
          ))}
        </Stack>
      )}
      {needsSecret && (
        <Text size="sm" c="dimmed">
          {/* Isolated left to right, so its angle brackets are not mirrored inside Arabic text. */}
          {t('admin.inboxes.tokenPlaceholder', { placeholder: '\u2066<secret>\u2069' })}
        </Text>
      )}
      {inbox.channel !== 'webchat' && webhooks.length === 0 && <Text size="sm">{t('admin.inboxes.nothingToConnect')}</Text>}
    </Stack>
  );
}
