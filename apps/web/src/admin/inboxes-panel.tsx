import { Alert, Badge, Button, Group, Loader, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, CreatedInbox, InboxSummary, noContent, unwrap } from '../api/api-client';
import { ChannelIcon } from '../shared/channel-icon';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { ChannelDefinition, definitionOf, localised, useChannelDefinitions } from './channel-definitions.query';
import { ConfirmModal } from './confirm-modal';
import { CreatedInboxPanel } from './created-inbox-panel';
import { FieldProblem } from './field-problem';
import { InboxAccessModal } from './inbox-access-modal';
import { InboxConnectionPanel } from './inbox-connection-panel';
import { WhatsAppPairingButton } from './whatsapp-pairing-button';
import { InboxForm } from './inbox-form';

const INBOXES_KEY = ['admin-inboxes'];

// What rotating the secret stops, said for the channel at hand (see InboxesService.rotateSecret).
function rotationConsequenceKey(inbox: InboxSummary): string {
  if (inbox.channel === 'api') return 'admin.inboxes.rotateApi';
  if (inbox.channel === 'webchat') return 'admin.inboxes.rotateWebChat';
  // A provider that signs nothing calls URLs carrying the secret as ?token= (the Saudi SMS gateways).
  if (inbox.webhookUrls.some((webhook) => webhook.needsToken)) return 'admin.inboxes.rotateSaudiSms';
  return 'admin.inboxes.rotateOther';
}

// The provider's name as its definition gives it, in the interface's language.
function providerTitleOf(definitions: ChannelDefinition[] | undefined, inbox: InboxSummary, language: string): string {
  if (!inbox.provider) return '—';
  const definition = definitionOf(definitions, inbox.channel, inbox.provider);
  return definition ? localised(definition.title, language) : inbox.provider;
}

// The server's reason for refusing a change (409, 400), under the confirmation that asked for it.
function refusalOf(error: unknown) {
  if (!(error instanceof ApiError)) return undefined;
  return <FieldProblem message={error.message} />;
}

function deleteInbox(inbox: InboxSummary): Promise<void> {
  return noContent(api.DELETE('/api/v1/inboxes/{id}', { params: { path: { id: inbox.id } } }));
}

export function InboxesPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const queryClient = useQueryClient();
  // Read again whenever the tab opens: conversation counts grow meanwhile.
  const inboxes = useQuery({ queryKey: INBOXES_KEY, queryFn: () => unwrap(api.GET('/api/v1/inboxes')), staleTime: 0 });
  const teams = useQuery({ queryKey: ['admin-teams'], queryFn: () => unwrap(api.GET('/api/v1/teams')) });
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => unwrap(api.GET('/api/v1/users')) });
  const definitions = useChannelDefinitions();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedInbox | null>(null);
  const [rotatedSecret, setRotatedSecret] = useState<CreatedInbox | null>(null);
  const [editing, setEditing] = useState<InboxSummary | null>(null);
  const [connecting, setConnecting] = useState<InboxSummary | null>(null);
  const [toggling, setToggling] = useState<InboxSummary | null>(null);
  const [rotating, setRotating] = useState<InboxSummary | null>(null);
  const [deleting, setDeleting] = useState<InboxSummary | null>(null);
  const [editingAccess, setEditingAccess] = useState<InboxSummary | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: INBOXES_KEY });
  const toggle = useMutation({
    mutationFn: (inbox: InboxSummary) =>
      unwrap(api.PATCH('/api/v1/inboxes/{id}', { params: { path: { id: inbox.id } }, body: { active: !inbox.active } })),
    onSettled: async () => {
      setToggling(null);
      setDeleting(null);
      await refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: (inbox: InboxSummary) => unwrap(api.POST('/api/v1/inboxes/{id}/secret', { params: { path: { id: inbox.id } } })),
    onSuccess: (inbox) => {
      setRotating(null);
      setRotatedSecret(inbox);
    },
  });
  const remove = useMutation({
    mutationFn: deleteInbox,
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

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
              <Table.Th>{t('admin.inboxes.conversations')}</Table.Th>
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
                  <Table.Td>{providerTitleOf(definitions.data, inbox, language)}</Table.Td>
                  <Table.Td>
                    <Badge className="admin-status" variant="filled" color={inbox.active ? 'teal.9' : 'gray.7'}>
                      {inbox.active ? t('admin.active') : t('admin.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatInteger(inbox.conversationCount, language)}</Table.Td>
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
                      <Button size="compact-sm" variant="default" onClick={() => setEditing(inbox)}>
                        {t('admin.edit')}
                      </Button>
                      {definitionOf(definitions.data, inbox.channel, inbox.provider)?.session && <WhatsAppPairingButton inbox={inbox} />}
                      <Button size="compact-sm" variant="default" onClick={() => setEditingAccess(inbox)}>
                        {t('admin.inboxes.editAccess')}
                      </Button>
                      <Button size="compact-sm" variant="default" onClick={() => setToggling(inbox)}>
                        {inbox.active ? t('admin.inboxes.disable') : t('admin.inboxes.enable')}
                      </Button>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="compact-sm" variant="default" aria-label={t('admin.moreFor', { name: inbox.name })}>
                            {t('admin.more')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setConnecting(inbox)}>{t('admin.inboxes.connection')}</Menu.Item>
                          <Menu.Item onClick={() => setRotating(inbox)}>{t('admin.inboxes.rotate')}</Menu.Item>
                          <Menu.Item color="red.8" onClick={() => setDeleting(inbox)}>
                            {t('admin.inboxes.delete')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
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
          inboxes={inboxes.data ?? []}
          onCancel={() => setCreating(false)}
          mode={{
            kind: 'create',
            onCreated: (inbox) => {
              setCreating(false);
              setCreated(inbox);
              void refresh();
            },
          }}
        />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('admin.inboxes.editTitle', { name: editing.name }) : ''}
        size="lg"
        centered
      >
        {editing && (
          <InboxForm
            inboxes={inboxes.data ?? []}
            onCancel={() => setEditing(null)}
            mode={{
              kind: 'edit',
              inbox: editing,
              onSaved: () => {
                setEditing(null);
                void refresh();
              },
            }}
          />
        )}
      </Modal>
      {[
        { inbox: created, close: () => setCreated(null), title: 'admin.inboxes.createdTitle' },
        { inbox: rotatedSecret, close: () => setRotatedSecret(null), title: 'admin.inboxes.rotatedTitle' },
      ].map(({ inbox, close, title }) => (
        <Modal
          key={title}
          closeButtonProps={{ 'aria-label': t('admin.close') }}
          opened={inbox !== null}
          onClose={close}
          // The secret is never shown again: a stray click outside must not close it.
          closeOnClickOutside={false}
          title={inbox ? t(title, { name: inbox.name }) : ''}
          size="lg"
          centered
        >
          {inbox && <CreatedInboxPanel inbox={inbox} />}
        </Modal>
      ))}
      <Modal
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        opened={connecting !== null}
        onClose={() => setConnecting(null)}
        title={connecting ? t('admin.inboxes.connectionTitle', { name: connecting.name }) : ''}
        size="lg"
        centered
      >
        {connecting && <InboxConnectionPanel inbox={connecting} />}
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
      <ConfirmModal
        opened={rotating !== null}
        title={rotating ? t('admin.inboxes.rotateTitle', { name: rotating.name }) : ''}
        body={
          rotating && (
            <Stack gap="xs" mb="md">
              <Text size="sm">
                {t(rotationConsequenceKey(rotating), { provider: providerTitleOf(definitions.data, rotating, language) })}
              </Text>
              <Text size="sm">{t('admin.inboxes.rotateOnce')}</Text>
            </Stack>
          )
        }
        confirmLabel={t('admin.inboxes.rotate')}
        danger
        busy={rotate.isPending}
        error={rotate.isError ? refusalOf(rotate.error) : undefined}
        onConfirm={() => rotating && rotate.mutate(rotating)}
        onClose={() => {
          setRotating(null);
          rotate.reset();
        }}
      />
      {/* An inbox with conversations keeps them: it can only be disabled. */}
      {deleting && deleting.conversationCount > 0 ? (
        <ConfirmModal
          opened
          title={t('admin.inboxes.cannotDeleteTitle', { name: deleting.name })}
          body={t('admin.inboxes.cannotDeleteBody', { number: formatInteger(deleting.conversationCount, language) })}
          confirmLabel={deleting.active ? t('admin.inboxes.disableInstead') : t('admin.close')}
          busy={toggle.isPending}
          onConfirm={() => (deleting.active ? toggle.mutate(deleting) : closeDelete())}
          onClose={closeDelete}
        />
      ) : (
        <ConfirmModal
          opened={deleting !== null}
          title={deleting ? t('admin.inboxes.deleteTitle', { name: deleting.name }) : ''}
          body={t('admin.inboxes.deleteBody')}
          confirmLabel={t('admin.inboxes.delete')}
          danger
          busy={remove.isPending}
          error={remove.isError ? refusalOf(remove.error) : undefined}
          onConfirm={() => deleting && remove.mutate(deleting)}
          onClose={closeDelete}
        />
      )}
    </>
  );
}
