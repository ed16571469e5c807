import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, noContent } from '../api/api-client';
import { FieldProblem } from '../admin/field-problem';
import { errorFor, fieldErrorsOf } from '../admin/inbox-form.util';
import { Session, setSession, setSessionNotice } from '../session/session-store';

// Everyone changes their own password with the current one (checked and throttled like a login). Every session of
// the user ends with it, this one too, so the login page says why and takes the new password.
export function ChangePasswordModal({ session, onClose }: { session: Session; onClose: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: () =>
      noContent(
        api.POST('/api/v1/users/{id}/password', { params: { path: { id: session.user.id } }, body: { currentPassword, password } }),
      ),
    onSuccess: () => {
      setSessionNotice('passwordChanged');
      setSession(null);
    },
    onError: (error) => setErrors(error instanceof ApiError ? fieldErrorsOf(error.fields) : {}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const problem = (field: string) => {
    const message = errorFor(errors, field);
    return message ? <FieldProblem message={message} /> : undefined;
  };
  const throttled = change.error instanceof ApiError && change.error.status === 429;
  return (
    <Modal closeButtonProps={{ 'aria-label': t('admin.close') }} opened onClose={onClose} title={t('account.passwordTitle')} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('account.passwordBody')}</Text>
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={problem('currentPassword')}
            required
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('admin.users.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={problem('password')}
            required
          />
          {change.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {throttled ? t('account.throttled') : t('admin.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('account.change')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
