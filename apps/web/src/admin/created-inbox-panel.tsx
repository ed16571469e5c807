import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreatedInbox } from '../api/api-client';
import { CopyableValue } from './copyable-value';
import { embedSnippetOf, webhookUrlsOf } from './inbox-form.util';

// Shown once after creation: the secret never comes back from the API, so this is the only time to copy it.
export function CreatedInboxPanel({ inbox }: { inbox: CreatedInbox }) {
  const { t } = useTranslation();
  // The app is served by the gateway at PUBLIC_URL, so this page's origin is the one providers must call.
  const origin = window.location.origin;
  const webhooks = webhookUrlsOf(origin, inbox, inbox.secret);
  return (
    <Stack gap="md" data-testid="created-inbox">
      <Alert color="yellow" role="status">
        {t('admin.inboxes.secretOnce')}
      </Alert>
      <CopyableValue label={t('admin.inboxes.secret')} value={inbox.secret} testId="inbox-secret" />
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
      <Text size="xs" c="dimmed">
        {t('admin.inboxes.secretRotation')}
      </Text>
    </Stack>
  );
}
