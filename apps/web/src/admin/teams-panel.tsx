import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, noContent, StaffUser, Team, unwrap } from '../api/api-client';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { ConfirmModal } from './confirm-modal';
import { FieldProblem } from './field-problem';
import { errorFor, fieldErrorsOf } from './inbox-form.util';

const TEAMS_KEY = ['admin-teams'];

function problemsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? fieldErrorsOf(error.fields) : {};
}

// The members to add and to remove to go from one list to the other (the API takes one member at a time).
export function membershipChanges(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((id) => !before.includes(id)), removed: before.filter((id) => !after.includes(id)) };
}

function TeamEditModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team.name);
  const [isBranch, setIsBranch] = useState(team.isBranch);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id: team.id } }, body: { name: name.trim(), isBranch } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
      onClose();
    },
    onError: (error) => setErrors(problemsOf(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('admin.close') }}
      opened
      onClose={onClose}
      title={t('admin.teams.editTitle', { name: team.name })}
      centered
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('admin.teams.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorFor(errors, 'name') && <FieldProblem message={errorFor(errors, 'name')!} />}
            dir="auto"
            required
          />
          <Checkbox label={t('admin.teams.isBranch')} checked={isBranch} onChange={(event) => setIsBranch(event.currentTarget.checked)} />
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {t('admin.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TeamMembersModal({ team, users, onClose }: { team: Team; users: StaffUser[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [memberIds, setMemberIds] = useState(team.memberIds);
  const save = useMutation({
    mutationFn: async () => {
      const { added, removed } = membershipChanges(team.memberIds, memberIds);
      const path = { params: { path: { id: team.id } } };
      for (const userId of added) await unwrap(api.POST('/api/v1/teams/{id}/members', { ...path, body: { userId } }));
      for (const userId of removed) {
        await unwrap(api.DELETE('/api/v1/teams/{id}/members/{userId}', { params: { path: { id: team.id, userId } } }));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
      onClose();
    },
  });
  // Deactivated staff may stay members (and be removed), but are not offered.
  const options = users
    .filter((user) => user.active || team.memberIds.includes(user.id))
    .map((user) => ({ value: user.id, label: user.name }));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('admin.close') }}
      opened
      onClose={onClose}
      title={t('admin.teams.membersTitle', { name: team.name })}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('admin.teams.membersBody')}</Text>
        <MultiSelect label={t('admin.teams.members')} data={options} value={memberIds} onChange={setMemberIds} searchable />
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

export function TeamsPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: TEAMS_KEY, queryFn: () => unwrap(api.GET('/api/v1/teams')), staleTime: 0 });
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => unwrap(api.GET('/api/v1/users')) });
  const [name, setName] = useState('');
  const [isBranch, setIsBranch] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Team | null>(null);
  const [editingMembers, setEditingMembers] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/teams', { body: { name: name.trim(), isBranch } })),
    onSuccess: async () => {
      setName('');
      setIsBranch(false);
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
    onError: (error) => setErrors(problemsOf(error)),
  });
  const remove = useMutation({
    mutationFn: (team: Team) => noContent(api.DELETE('/api/v1/teams/{id}', { params: { path: { id: team.id } } })),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
      await queryClient.invalidateQueries({ queryKey: ['admin-inboxes'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  return (
    <>
      <form onSubmit={submit} className="admin-inline-form">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('admin.teams.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errorFor(errors, 'name') && <FieldProblem message={errorFor(errors, 'name')!} />}
            required
          />
          <Checkbox
            label={t('admin.teams.isBranch')}
            checked={isBranch}
            onChange={(event) => setIsBranch(event.currentTarget.checked)}
            mb={8}
          />
          <Button type="submit" loading={create.isPending}>
            {t('admin.teams.create')}
          </Button>
        </Group>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" mt="sm" role="alert">
            {t('admin.saveFailed')}
          </Alert>
        )}
      </form>
      {teams.isPending && <Loader />}
      {teams.isError && <Alert color="red">{t('admin.loadFailed')}</Alert>}
      {teams.data && teams.data.length === 0 && <Text c="dimmed">{t('admin.teams.empty')}</Text>}
      {teams.data && teams.data.length > 0 && (
        <Table striped className="admin-table" data-testid="teams-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.teams.kind')}</Table.Th>
              <Table.Th>{t('admin.teams.members')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((team) => (
              <Table.Tr key={team.id} data-team-name={team.name}>
                <Table.Td>
                  <bdi>{team.name}</bdi>
                </Table.Td>
                <Table.Td>
                  <Badge className="admin-status" variant="filled" color={team.isBranch ? 'grape.9' : 'gray.7'}>
                    {team.isBranch ? t('admin.teams.branch') : t('admin.teams.team')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" span>
                    {formatInteger(team.memberIds.length, language)}
                  </Text>
                  {team.memberIds.length > 0 && (
                    <Text size="sm" c="dimmed" span>
                      {' — '}
                      {team.memberIds.map((id, index) => (
                        <span key={id}>
                          {index > 0 && '، '}
                          <bdi>{userName.get(id) ?? ''}</bdi>
                        </span>
                      ))}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(team)}>
                      {t('admin.edit')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setEditingMembers(team)}>
                      {t('admin.teams.editMembers')}
                    </Button>
                    <Button size="compact-sm" variant="default" color="red.8" onClick={() => setDeleting(team)}>
                      {t('admin.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <TeamEditModal team={editing} onClose={() => setEditing(null)} />}
      {editingMembers && <TeamMembersModal team={editingMembers} users={users.data ?? []} onClose={() => setEditingMembers(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={deleting ? t('admin.teams.deleteTitle', { name: deleting.name }) : ''}
        body={t('admin.teams.deleteBody')}
        confirmLabel={t('admin.delete')}
        danger
        busy={remove.isPending}
        error={
          remove.error instanceof ApiError ? (
            <FieldProblem message={remove.error.message} />
          ) : remove.isError ? (
            t('admin.saveFailed')
          ) : undefined
        }
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </>
  );
}
