import { Alert, Badge, Button, Group, Loader, Modal, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, CreatedInbox, InboxSummary, unwrap } from '../api/api-client';
import { ChannelIcon } from '../shared/channel-icon';
import { ConfirmModal } from './confirm-modal';
import { CreatedInboxPanel } from './created-inbox-panel';
import { InboxAccessModal } from './inbox-access-modal';
import { WhatsAppPairingButton } from './whatsapp-pairing-button';
import { InboxForm } from './inbox-form';

const INBOXES_KEY = ['admin-inboxes'];

export function InboxesPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inboxes = useQuery({ queryKey: INBOXES_KEY, queryFn: () => unwrap(api.GET('/api/v1/inboxes')) });
  const teams = useQuery({ queryKey: ['admin-teams'], queryFn: () => unwrap(api.GET('/api/v1/teams')) });
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => unwrap(api.GET('/api/v1/users')) });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedInbox | null>(null);
  const [toggling, setToggling] = useState<InboxSummary | null>(null);
  const [editingAccess, setEditingAccess] = useState<InboxSummary | null>(null);
  const toggle = useMutation({
    mutationFn: (inbox: InboxSummary) =>
      unwrap(api.PATCH('/api/v1/inboxes/{id}', { params: { path: { id: inbox.id } }, body: { active: !inbox.active } })),
    onSettled: async () => {
      setToggling(null);
      await queryClient.invalidateQueries({ queryKey: INBOXES_KEY });
    },
  });
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const smsInboxes = (inboxes.data ?? []).filter((inbox) => inbox.channel === 'sms' && inbox.active);

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button onClick={() => setCreating(true)}>{t('admin.inboxes.create')}</Button>
      </Group>
      {toggle.isError && (
        <Alert color="red" mb="sm" role="alert">
          {t('admin.saveFailed')}
        </Alert>
      )}
      {inboxes.isPending && <Loader />}
      {inboxes.isError && <Alert color="red">{t('admin.loadFailed')}</Alert>}
      {inboxes.data && inboxes.data.length === 0 && <Text c="dimmed">{t('admin.inboxes.empty')}</Text>}
      {inboxes.data && inboxes.data.length > 0 && (
        <Table striped className="admin-table" data-testid="inboxes-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.inboxes.channel')}</Table.Th>
              <Table.Th>{t('admin.inboxes.provider')}</Table.Th>
              <Table.Th>{t('admin.inboxes.status')}</Table.Th>
              <Table.Th>{t('admin.inboxes.access')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inboxes.data.map((inbox) => {
              const access = [
                ...inbox.access.teamIds.map((id) => teamName.get(id) ?? id),
                ...inbox.access.userIds.map((id) => userName.get(id) ?? id),
              ];
              return (
                <Table.Tr key={inbox.id} data-inbox-name={inbox.name}>
                  <Table.Td>
                    <bdi>{inbox.name}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <span className="admin-channel">
                      <ChannelIcon channel={inbox.channel} />
                      {t(`channels.${inbox.channel}`)}
                    </span>
                  </Table.Td>
                  <Table.Td>
                    {inbox.provider ? t(`admin.inboxes.providers.${inbox.provider}`, { defaultValue: inbox.provider }) : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge className="admin-status" variant="filled" color={inbox.active ? 'teal.9' : 'gray.7'}>
                      {inbox.active ? t('admin.active') : t('admin.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {access.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('admin.none')}
                      </Text>
                    ) : (
                      access.map((name, index) => (
                        <span key={`${name}-${index}`}>
                          {index > 0 && '، '}
                          <bdi>{name}</bdi>
                        </span>
                      ))
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <WhatsAppPairingButton inbox={inbox} />
                      <Button size="compact-sm" variant="default" onClick={() => setEditingAccess(inbox)}>
                        {t('admin.inboxes.editAccess')}
                      </Button>
                      <Button size="compact-sm" variant="default" onClick={() => setToggling(inbox)}>
                        {inbox.active ? t('admin.inboxes.disable') : t('admin.inboxes.enable')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('admin.inboxes.createTitle')}
        size="lg"
        centered
      >
        <InboxForm
          smsInboxes={smsInboxes}
          onCancel={() => setCreating(false)}
          onCreated={(inbox) => {
            setCreating(false);
            setCreated(inbox);
            void queryClient.invalidateQueries({ queryKey: INBOXES_KEY });
          }}
        />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={created !== null}
        onClose={() => setCreated(null)}
        // The secret is never shown again: a stray click outside must not close it.
        closeOnClickOutside={false}
        title={created ? t('admin.inboxes.createdTitle', { name: created.name }) : ''}
        size="lg"
        centered
      >
        {created && <CreatedInboxPanel inbox={created} />}
      </Modal>
      {editingAccess && (
        <InboxAccessModal inbox={editingAccess} teams={teams.data ?? []} users={users.data ?? []} onClose={() => setEditingAccess(null)} />
      )}
      <ConfirmModal
        opened={toggling !== null}
        title={toggling ? t(toggling.active ? 'admin.inboxes.disableTitle' : 'admin.inboxes.enableTitle', { name: toggling.name }) : ''}
        body={toggling ? t(toggling.active ? 'admin.inboxes.disableBody' : 'admin.inboxes.enableBody') : ''}
        confirmLabel={toggling?.active ? t('admin.inboxes.disable') : t('admin.inboxes.enable')}
        danger={toggling?.active}
        busy={toggle.isPending}
        onConfirm={() => toggling && toggle.mutate(toggling)}
        onClose={() => setToggling(null)}
      />
    </>
  );
}
