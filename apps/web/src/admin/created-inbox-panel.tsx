import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreatedInbox } from '../api/api-client';
import { definitionOf, useChannelDefinitions } from './channel-definitions.query';
import { CopyableValue } from './copyable-value';
import { embedSnippetOf } from './inbox-form.util';
import { InboxWebhookUrls } from './inbox-webhook-urls';
import { WhatsAppPairingPanel } from './whatsapp-pairing-panel';

// Shown once after creation: the secret never comes back from the API, so this is the only time to copy it.
export function CreatedInboxPanel({ inbox }: { inbox: CreatedInbox }) {
  const { t } = useTranslation();
  const definitions = useChannelDefinitions();
  const definition = definitionOf(definitions.data, inbox.channel, inbox.provider);
  // The app is served by the gateway at PUBLIC_URL, so this page's origin is the one the widget loads from.
  const origin = window.location.origin;
  return (
    <Stack gap="md" data-testid="created-inbox">
      <Alert color="yellow" role="status">
        {t('admin.inboxes.secretOnce')}
      </Alert>
      <CopyableValue label={t('admin.inboxes.secret')} value={inbox.secret} testId="inbox-secret" />
      {inbox.channel === 'webchat' && (
        <CopyableValue label={t('admin.inboxes.embed')} value={embedSnippetOf(origin, inbox.id)} testId="embed-snippet" />
      )}
      {definition?.session && <WhatsAppPairingPanel inboxId={inbox.id} />}
      <InboxWebhookUrls inbox={inbox} secret={inbox.secret} />
      <Text size="xs" c="dimmed">
        {t('admin.inboxes.secretRotation')}
      </Text>
    </Stack>
  );
}
