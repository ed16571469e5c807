import { Alert, Anchor, Button, FileInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';
import type { DocumentDefinition, SupportRequest } from './request-api.types';
import { requestCalls, uploadRequestDocument } from './request-calls';
import { dayInstant, labelOf } from './request-labels.util';
import { fieldElementId } from './request-routes.util';
import { PillTone, StatusPill } from './status-pill';

const STATUS_TONE: Record<string, PillTone> = { ok: 'ok', missing: 'warn', invalid: 'bad', expired: 'bad' };

function DocumentRow({ request, definition, editable }: { request: SupportRequest; definition: DocumentDefinition; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  const document = request.documents.find((candidate) => candidate.documentKey === definition.key);
  const item = request.checklist.items.find((candidate) => candidate.path === `documents.${definition.key}`);
  const done = (updated: SupportRequest) => {
    queryClient.setQueryData(['request', request.id], updated);
    void queryClient.invalidateQueries({ queryKey: ['request-events', request.id] });
  };
  const upload = useMutation({
    mutationFn: () => uploadRequestDocument(request.id, definition.key, file!, definition.hasExpiry && expiresOn ? expiresOn : null),
    onSuccess: (updated) => {
      setFile(null);
      setExpiresOn('');
      done(updated);
    },
  });
  const remove = useMutation({ mutationFn: () => requestCalls.removeDocument(request.id, document!.id), onSuccess: done });
  const expiry = document?.expiresOn ? formatDualCalendar(dayInstant(document.expiresOn), language) : null;
  return (
    <div className="request-document" id={fieldElementId(`documents.${definition.key}`)} data-document-key={definition.key}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          <bdi>{labelOf(definition, language)}</bdi>
          {!definition.required && (
            <Text span size="xs" c="dimmed" ms={6}>
              ({t('requests.documents.optional')})
            </Text>
          )}
        </Text>
        {item && (
          <StatusPill tone={item.status === 'ok' && !document ? 'neutral' : STATUS_TONE[item.status]}>
            {item.status === 'ok' && !document ? t('requests.documents.none') : t(`requests.checklist.${item.status}`)}
          </StatusPill>
        )}
      </Group>
      {document ? (
        <Group gap="xs" wrap="wrap">
          <Anchor href={`/api/v1/requests/${request.id}/documents/${document.id}`} target="_blank" rel="noopener" size="sm">
            <bdi>{document.fileName}</bdi>
          </Anchor>
          {expiry && (
            <Text size="xs" c="dimmed">
              {t('requests.documents.expiresOn')}: {expiry.gregorian} · {expiry.hijri}
            </Text>
          )}
          {editable && (
            <Button size="compact-xs" variant="subtle" color="red" c="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('requests.documents.remove')}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          {t('requests.documents.none')}
        </Text>
      )}
      {editable && (
        <Group gap="xs" align="flex-end" wrap="wrap" mt={4}>
          <FileInput
            size="xs"
            label={`${t('requests.documents.file')}: ${labelOf(definition, language)}`}
            accept="image/png,image/jpeg,application/pdf"
            value={file}
            onChange={setFile}
            clearable
            className="document-file-input"
          />
          {definition.hasExpiry && (
            <TextInput
              size="xs"
              type="date"
              label={t('requests.documents.expiresOn')}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.currentTarget.value)}
            />
          )}
          <Button size="xs" variant="default" disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()}>
            {document ? t('requests.documents.replace') : t('requests.documents.upload')}
          </Button>
        </Group>
      )}
      {upload.isError && (
        <Alert color="red" p="xs" mt={4}>
          {t('requests.documents.uploadFailed')}
        </Alert>
      )}
    </div>
  );
}

// The documents the request type requires, each with its latest upload, its expiry and its place in the checklist.
export function RequestDocuments({ request, editable }: { request: SupportRequest; editable: boolean }) {
  return (
    <Stack gap="sm" data-testid="request-documents">
      {request.form.documents.map((definition) => (
        <DocumentRow key={definition.key} request={request} definition={definition} editable={editable} />
      ))}
    </Stack>
  );
}
