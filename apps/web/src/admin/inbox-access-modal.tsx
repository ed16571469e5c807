import { Alert, Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, InboxSummary, StaffUser, Team, unwrap } from '../api/api-client';

interface InboxAccessModalProps {
  inbox: InboxSummary;
  teams: Team[];
  users: StaffUser[];
  onClose: () => void;
}

// Purpose-bound access: the whole list is replaced (PUT), and the server moves open sockets at once.
export function InboxAccessModal({ inbox, teams, users, onClose }: InboxAccessModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [teamIds, setTeamIds] = useState(inbox.access.teamIds);
  const [userIds, setUserIds] = useState(inbox.access.userIds);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/inboxes/{id}/access', { params: { path: { id: inbox.id } }, body: { teamIds, userIds } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin-inboxes'] });
      onClose();
    },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('admin.close') }}
      opened
      onClose={onClose}
      title={t('admin.inboxes.accessTitle', { name: inbox.name })}
      centered
    >
      <Stack gap="sm">
        <MultiSelect
          label={t('admin.inboxes.accessTeams')}
          data={teams.map((team) => ({ value: team.id, label: team.name }))}
          value={teamIds}
          onChange={setTeamIds}
          searchable
        />
        <MultiSelect
          label={t('admin.inboxes.accessUsers')}
          data={users.filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }))}
          value={userIds}
          onChange={setUserIds}
          searchable
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {t('admin.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
