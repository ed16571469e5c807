import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { Session } from '../session/session-store';
import { UiLanguage } from '../shared/date-format.util';

type Source = 'walk_in' | 'branch';

// A walk-in visit (المقابلة) or a branch-office representative's request: a new beneficiary whose typed number is
// kept unverified.
export function NewRequestModal({ opened, onClose, session }: { opened: boolean; onClose: () => void; session: Session }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const types = useQuery({ queryKey: ['request-types'], queryFn: () => unwrap(api.GET('/api/v1/request-types')), enabled: opened });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => unwrap(api.GET('/api/v1/teams')), enabled: opened });
  const branches = (teams.data ?? []).filter(
    (team) => team.isBranch && (session.user.role === 'supervisor' || team.memberIds.includes(session.user.id)),
  );
  const [values, setValues] = useState({ typeId: '', name: '', phone: '', source: 'walk_in' as Source, branchTeamId: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/requests', {
          body: {
            typeId: values.typeId,
            contact: { name: values.name.trim(), ...(values.phone.trim() ? { phone: values.phone.trim() } : {}) },
            source: values.source,
            ...(values.source === 'branch' ? { branchTeamId: values.branchTeamId } : {}),
          },
        }),
      ),
    onSuccess: (created) => {
      onClose();
      navigate(`/requests/${created.id}`);
    },
    onError: (error) =>
      setProblems(error instanceof ApiError ? Object.fromEntries(error.fields.map((field) => [field.field, field.message])) : {}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const activeTypes = (types.data ?? []).filter((type) => type.active);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('requests.newForm.title')}
      centered
      closeButtonProps={{ 'aria-label': t('admin.close') }}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {types.data && activeTypes.length === 0 && <Alert color="yellow">{t('requests.newForm.noTypes')}</Alert>}
          <Select
            label={t('requests.newForm.type')}
            required
            data={activeTypes.map((type) => ({ value: type.id, label: language === 'ar' ? type.nameAr : type.nameEn }))}
            value={values.typeId || null}
            onChange={(typeId) => setValues({ ...values, typeId: typeId ?? '' })}
            error={problems.typeId}
          />
          <TextInput
            label={t('requests.newForm.name')}
            required
            dir="auto"
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={problems['contact.name']}
          />
          <TextInput
            label={t('requests.newForm.phone')}
            description={t('requests.newForm.phoneHint')}
            dir="ltr"
            inputMode="tel"
            value={values.phone}
            onChange={(event) => setValues({ ...values, phone: event.currentTarget.value })}
            error={problems['contact.phone']}
          />
          <Select
            label={t('requests.newForm.source')}
            data={(['walk_in', 'branch'] as const).map((source) => ({ value: source, label: t(`requests.sources.${source}`) }))}
            value={values.source}
            allowDeselect={false}
            onChange={(source) => setValues({ ...values, source: (source ?? 'walk_in') as Source })}
          />
          {values.source === 'branch' && (
            <Select
              label={t('requests.newForm.branch')}
              required
              data={branches.map((team) => ({ value: team.id, label: team.name }))}
              value={values.branchTeamId || null}
              onChange={(branchTeamId) => setValues({ ...values, branchTeamId: branchTeamId ?? '' })}
              error={problems.branchTeamId}
            />
          )}
          {create.isError && Object.keys(problems).length === 0 && <Alert color="red">{t('requests.actions.failed')}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!values.typeId || !values.name.trim()}>
              {t('requests.newForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
