import { Alert, Anchor, Button, Code, Group, Loader, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, AuditLogEntry, unwrap } from '../api/api-client';
import { useDisplayPreferences } from '../shared/display-preferences';
import { DualCalendarDate } from './dual-calendar-date';
import { actionKey, AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, auditQueryOf, AuditFilters, EMPTY_AUDIT_FILTERS } from './audit-log-filters.util';

const PAGE_SIZE = 50;

// Who did what to whose data (PDPL), newest first, filtered; the CSV export takes the same filters.
export function AuditLogPanel() {
  const { t } = useTranslation();
  const { timeZone } = useDisplayPreferences();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const query = auditQueryOf(filters, timeZone);
  const users = useQuery({ queryKey: ['admin-users'], queryFn: () => unwrap(api.GET('/api/v1/users')) });
  const entries = useInfiniteQuery({
    queryKey: ['admin-audit-log', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/admin/audit-log', {
          params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const set = (key: keyof AuditFilters) => (value: string | null) => setFilters((current) => ({ ...current, [key]: value ?? '' }));
  const rows: AuditLogEntry[] = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const csvUrl = `/api/v1/admin/audit-log?${new URLSearchParams({ ...query, format: 'csv' }).toString()}`;
  const actor = (entry: AuditLogEntry) =>
    entry.actorUserId ? (userName.get(entry.actorUserId) ?? entry.actorUserId) : t('admin.audit.system');

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mb="sm" data-testid="audit-filters">
        <Select
          label={t('admin.audit.action')}
          data={[
            { value: '', label: t('admin.audit.anyAction') },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`admin.audit.actions.${actionKey(action)}`) })),
          ]}
          value={filters.action}
          onChange={set('action')}
          allowDeselect={false}
          searchable
        />
        <Select
          label={t('admin.audit.actor')}
          data={[
            { value: '', label: t('admin.audit.anyone') },
            ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
          ]}
          value={filters.actorUserId}
          onChange={set('actorUserId')}
          allowDeselect={false}
          searchable
        />
        <Select
          label={t('admin.audit.subjectType')}
          data={[
            { value: '', label: t('admin.audit.anySubject') },
            ...AUDIT_SUBJECT_TYPES.map((type) => ({ value: type, label: t(`admin.audit.subjects.${type}`) })),
          ]}
          value={filters.subjectType}
          onChange={set('subjectType')}
          allowDeselect={false}
        />
        <TextInput
          label={t('admin.audit.subjectId')}
          value={filters.subjectId}
          onChange={(event) => set('subjectId')(event.currentTarget.value)}
          dir="ltr"
        />
        <TextInput
          label={t('admin.audit.fromDay')}
          type="date"
          value={filters.fromDay}
          onChange={(event) => set('fromDay')(event.currentTarget.value)}
        />
        <TextInput
          label={t('admin.audit.toDay')}
          type="date"
          value={filters.toDay}
          onChange={(event) => set('toDay')(event.currentTarget.value)}
        />
      </SimpleGrid>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('admin.audit.intro')}
        </Text>
        <Group gap="xs">
          <Button variant="default" size="compact-sm" onClick={() => setFilters(EMPTY_AUDIT_FILTERS)}>
            {t('admin.audit.clear')}
          </Button>
          {/* A plain link: the cookie goes with it, and the browser saves the file. */}
          <Anchor href={csvUrl} download="audit-log.csv" size="sm" data-testid="audit-export">
            {t('admin.audit.export')}
          </Anchor>
        </Group>
      </Group>
      {entries.isPending && <Loader />}
      {entries.isError && (
        <Alert color="red" role="alert">
          {t('admin.loadFailed')}
        </Alert>
      )}
      {entries.data && rows.length === 0 && <Text c="dimmed">{t('admin.audit.empty')}</Text>}
      {rows.length > 0 && (
        <Table striped className="admin-table" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.audit.when')}</Table.Th>
              <Table.Th>{t('admin.audit.actor')}</Table.Th>
              <Table.Th>{t('admin.audit.action')}</Table.Th>
              <Table.Th>{t('admin.audit.subject')}</Table.Th>
              <Table.Th>{t('admin.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((entry) => (
              <Table.Tr key={entry.id} data-action={entry.action}>
                <Table.Td>
                  <DualCalendarDate at={entry.createdAt} />
                </Table.Td>
                <Table.Td>
                  <bdi>{actor(entry)}</bdi>
                </Table.Td>
                <Table.Td>{t(`admin.audit.actions.${actionKey(entry.action)}`, { defaultValue: entry.action })}</Table.Td>
                <Table.Td>
                  {t(`admin.audit.subjects.${entry.subjectType}`, { defaultValue: entry.subjectType })}{' '}
                  <bdi dir="ltr" className="admin-identifier">
                    {entry.subjectId === '*' ? '' : entry.subjectId}
                  </bdi>
                </Table.Td>
                <Table.Td>
                  {entry.details && (
                    <Code dir="ltr" className="admin-reason">
                      {JSON.stringify(entry.details)}
                    </Code>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entries.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
            {t('admin.audit.more')}
          </Button>
        </Group>
      )}
    </>
  );
}
