import { Alert, Badge, Button, Checkbox, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/api-client';
import { formatInteger } from '../shared/number-format.util';
import { UiLanguage } from '../shared/date-format.util';
import { FieldProblem } from './field-problem';
import { errorFor, fieldErrorsOf } from './inbox-form.util';

export function TeamsPanel() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: ['admin-teams'], queryFn: () => unwrap(api.GET('/api/v1/teams')) });
  const [name, setName] = useState('');
  const [isBranch, setIsBranch] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/teams', { body: { name: name.trim(), isBranch } })),
    onSuccess: async () => {
      setName('');
      setIsBranch(false);
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: ['admin-teams'] });
    },
    onError: (error) => setErrors(error instanceof ApiError ? fieldErrorsOf(error.fields) : {}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
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
        <Table striped className="admin-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.teams.kind')}</Table.Th>
              <Table.Th>{t('admin.teams.members')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>
                  <bdi>{team.name}</bdi>
                </Table.Td>
                <Table.Td>
                  <Badge className="admin-status" variant="filled" color={team.isBranch ? 'grape.9' : 'gray.7'}>
                    {team.isBranch ? t('admin.teams.branch') : t('admin.teams.team')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatInteger(team.memberIds.length, i18n.language as UiLanguage)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
