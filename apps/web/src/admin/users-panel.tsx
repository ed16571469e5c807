import { Alert, Badge, Button, Group, Loader, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, noContent, StaffUser, unwrap } from '../api/api-client';
import { Session } from '../session/session-store';
import { formatDualCalendarLine, UiLanguage } from '../shared/date-format.util';
import { ConfirmModal } from './confirm-modal';
import { FieldProblem } from './field-problem';
import { errorFor, fieldErrorsOf } from './inbox-form.util';

type Role = StaffUser['role'];
const ROLES: Role[] = ['officer', 'researcher', 'committee', 'supervisor', 'admin'];
const USERS_KEY = ['admin-users'];

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

// The server's message (its password policy, a used e-mail) shown under the field it names.
function problemsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? fieldErrorsOf(error.fields) : {};
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const [values, setValues] = useState({ name: '', email: '', role: 'officer' as Role, password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users', { body: { ...values, name: values.name.trim(), email: values.email.trim() } })),
    onSuccess: async () => {
      setValues({ name: '', email: '', role: 'officer', password: '' });
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onClose();
    },
    onError: (error) => setErrors(problemsOf(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const field = (name: 'name' | 'email' | 'password') => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value }),
    error: errorFor(errors, name) && <FieldProblem message={errorFor(errors, name)!} />,
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('admin.close') }}
      opened={opened}
      onClose={onClose}
      title={t('admin.users.createTitle')}
      centered
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('admin.name')} required dir="auto" {...field('name')} />
          <TextInput label={t('admin.users.email')} type="email" required dir="ltr" {...field('email')} />
          <Select
            label={t('admin.users.role')}
            data={roleOptions}
            value={values.role}
            onChange={(role) => role && setValues({ ...values, role: role as Role })}
            allowDeselect={false}
            error={errorFor(errors, 'role')}
          />
          <PasswordInput label={t('admin.users.password')} description={t('admin.users.passwordHint')} required {...field('password')} />
          {create.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {t('admin.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('admin.users.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const reset = useMutation({
    mutationFn: () => noContent(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user!.id } }, body: { password } })),
    onSuccess: () => {
      setDone(true);
      setPassword('');
      setErrors({});
    },
    onError: (error) => setErrors(problemsOf(error)),
  });
  const close = () => {
    setDone(false);
    setPassword('');
    setErrors({});
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('admin.close') }}
      opened={user !== null}
      onClose={close}
      title={user ? t('admin.users.resetTitle', { name: user.name }) : ''}
      centered
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('admin.users.resetBody')}</Text>
          <PasswordInput
            label={t('admin.users.password')}
            description={t('admin.users.passwordHint')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errorFor(errors, 'password') && <FieldProblem message={errorFor(errors, 'password')!} />}
            required
          />
          {done && (
            <Alert color="teal" role="status">
              {t('admin.users.passwordSet')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('admin.close')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPanel({ session, canManage }: { session: Session; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  // Read again whenever the tab opens: logins are slowed down and accounts change outside this page.
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => unwrap(api.GET('/api/v1/users')), staleTime: 0 });
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<StaffUser | null>(null);
  const [resetting, setResetting] = useState<StaffUser | null>(null);
  const [unlocking, setUnlocking] = useState<StaffUser | null>(null);
  const unlock = useMutation({
    mutationFn: (user: StaffUser) => noContent(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id: user.id } } })),
    onSettled: async () => {
      setUnlocking(null);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: { role?: Role; active?: boolean } }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: change })),
    onSettled: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button onClick={() => setCreating(true)}>{t('admin.users.create')}</Button>
        </Group>
      )}
      {update.isError && (
        <Alert color="red" mb="sm" role="alert">
          <span dir="auto">{update.error.message}</span>
        </Alert>
      )}
      {users.isPending && <Loader />}
      {users.isError && <Alert color="red">{t('admin.loadFailed')}</Alert>}
      {users.data && users.data.length === 0 && <Text c="dimmed">{t('admin.users.empty')}</Text>}
      {users.data && users.data.length > 0 && (
        <Table striped className="admin-table" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.users.email')}</Table.Th>
              <Table.Th>{t('admin.users.role')}</Table.Th>
              <Table.Th>{t('admin.users.status')}</Table.Th>
              {canManage && <Table.Th>{t('admin.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((user) => {
              const self = user.id === session.user.id;
              return (
                <Table.Tr key={user.id} data-user-email={user.email}>
                  <Table.Td>
                    <bdi>{user.name}</bdi> {self && t('admin.users.you')}
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{user.email}</bdi>
                  </Table.Td>
                  <Table.Td>
                    {canManage && !self ? (
                      <Select
                        size="xs"
                        data={roleOptions}
                        value={user.role}
                        allowDeselect={false}
                        aria-label={t('admin.users.changeRole', { name: user.name })}
                        onChange={(role) => role && role !== user.role && update.mutate({ id: user.id, change: { role: role as Role } })}
                      />
                    ) : (
                      t(`roles.${user.role}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge className="admin-status" variant="filled" color={user.active ? 'teal.9' : 'gray.7'}>
                        {user.active ? t('admin.active') : t('admin.inactive')}
                      </Badge>
                      {user.loginBlockedUntil && (
                        <Badge
                          className="admin-status"
                          variant="filled"
                          color="red.9"
                          title={t('admin.users.throttledUntil', {
                            time: formatDualCalendarLine(user.loginBlockedUntil, i18n.language as UiLanguage),
                          })}
                        >
                          {t('admin.users.throttled')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {!self && (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="compact-sm" variant="default" onClick={() => setConfirming(user)}>
                            {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                          </Button>
                          <Button size="compact-sm" variant="default" onClick={() => setResetting(user)}>
                            {t('admin.users.resetPassword')}
                          </Button>
                          {user.loginBlockedUntil && (
                            <Button size="compact-sm" variant="default" onClick={() => setUnlocking(user)}>
                              {t('admin.users.unlock')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ConfirmModal
        opened={unlocking !== null}
        title={unlocking ? t('admin.users.unlockTitle', { name: unlocking.name }) : ''}
        body={t('admin.users.unlockBody')}
        confirmLabel={t('admin.users.unlock')}
        busy={unlock.isPending}
        onConfirm={() => unlocking && unlock.mutate(unlocking)}
        onClose={() => setUnlocking(null)}
      />
      <ConfirmModal
        opened={confirming !== null}
        title={
          confirming ? t(confirming.active ? 'admin.users.deactivateTitle' : 'admin.users.reactivateTitle', { name: confirming.name }) : ''
        }
        body={confirming ? t(confirming.active ? 'admin.users.deactivateBody' : 'admin.users.reactivateBody') : ''}
        confirmLabel={confirming?.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
        danger={confirming?.active}
        busy={update.isPending}
        onConfirm={() => confirming && update.mutate({ id: confirming.id, change: { active: !confirming.active } })}
        onClose={() => setConfirming(null)}
      />
    </>
  );
}
