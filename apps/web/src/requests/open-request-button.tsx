import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { UiLanguage } from '../shared/date-format.util';

// From the conversation pane: a support request for this conversation's beneficiary, the conversation linked (its
// notices answer there). One choice, the type; the request's page opens.
export function OpenRequestButton({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const [opened, setOpened] = useState(false);
  const [typeId, setTypeId] = useState<string | null>(null);
  const types = useQuery({ queryKey: ['request-types'], queryFn: () => unwrap(api.GET('/api/v1/request-types')), enabled: opened });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/requests', { body: { typeId: typeId!, conversationId } })),
    onSuccess: (created) => navigate(`/requests/${created.id}`),
  });
  const active = (types.data ?? []).filter((type) => type.active);
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpened(true)}>
        {t('requestEntry.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('requestEntry.title')}
        centered
        closeButtonProps={{ 'aria-label': t('admin.close') }}
      >
        <Stack gap="sm">
          {types.data && active.length === 0 && <Alert color="yellow">{t('requestEntry.noTypes')}</Alert>}
          <Select
            label={t('requestEntry.type')}
            data={active.map((type) => ({ value: type.id, label: language === 'ar' ? type.nameAr : type.nameEn }))}
            value={typeId}
            onChange={setTypeId}
          />
          {create.isError && (
            <Alert color="red">
              {create.error instanceof ApiError && create.error.status === 403 ? t('requestEntry.refused') : t('requestEntry.failed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button disabled={!typeId} loading={create.isPending} onClick={() => create.mutate()}>
              {t('requestEntry.create')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
