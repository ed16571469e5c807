import { Alert, Button, Group, Loader, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { MouseEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { Session } from '../session/session-store';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { dayInstant, typeNameOf } from './request-labels.util';
import { listPath, viewsFor } from './request-routes.util';
import { RequestStateBadge } from './request-state-badge';
import { NewRequestModal } from './new-request-modal';
import { StatusPill } from './status-pill';

type ListView = 'mine' | 'intake' | 'research' | 'committee' | 'deadlines' | 'all';

const OPENERS = new Set(['officer', 'supervisor']);

// The queues by role: an officer's own and the intake queue, a researcher's referrals, the committee's study, the
// supervisor's whole organisation and the requests nearing their announced answer day. Live: the socket's request
// events refetch the list.
export function RequestList({ session, view, q }: { session: Session; view: string | null; q: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const role = session.user.role;
  const views = viewsFor(role);
  const current = (views.includes(view ?? '') ? view : views[0]) as ListView;
  const [term, setTerm] = useState(q);
  const [debounced] = useDebouncedValue(term, 300);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (debounced !== q) navigate(listPath(current, debounced), { replace: true });
  }, [debounced, q, current]);
  const list = useQuery({
    queryKey: ['requests', current, q],
    queryFn: () => unwrap(api.GET('/api/v1/requests', { params: { query: { view: current, ...(q ? { q } : {}) } } })),
  });
  const viewLabel = (name: string) =>
    name === 'mine' && role === 'researcher'
      ? t('requests.viewsFor.researcherMine')
      : name === 'mine' && role === 'committee'
        ? t('requests.viewsFor.committeeMine')
        : t(`requests.views.${name}`);
  const open = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(`/requests/${id}`);
  };
  return (
    <section className="request-list">
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Title order={1} size="h3">
          {t('requests.title')}
        </Title>
        <Group gap="xs">
          {role === 'admin' && (
            <Button
              variant="default"
              component="a"
              href="/requests/types"
              onClick={(event: MouseEvent) => (event.preventDefault(), navigate('/requests/types'))}
            >
              {t('requests.types')}
            </Button>
          )}
          {OPENERS.has(role) && <Button onClick={() => setCreating(true)}>{t('requests.newRequest')}</Button>}
        </Group>
      </Group>
      <NewRequestModal opened={creating} onClose={() => setCreating(false)} session={session} />
      <Tabs value={current} onChange={(value) => value && navigate(listPath(value, q))} keepMounted={false}>
        <Tabs.List mb="sm">
          {views.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {viewLabel(name)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <TextInput
        aria-label={t('requests.search')}
        placeholder={t('requests.search')}
        value={term}
        onChange={(event) => setTerm(event.currentTarget.value)}
        mb="sm"
        dir="auto"
      />
      {list.isPending && <Loader />}
      {list.isError && <Alert color="red">{t('requests.loadFailed')}</Alert>}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('requests.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="request-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.columns.number')}</Table.Th>
                <Table.Th>{t('requests.columns.beneficiary')}</Table.Th>
                <Table.Th>{t('requests.columns.type')}</Table.Th>
                <Table.Th>{t('requests.columns.state')}</Table.Th>
                <Table.Th>{t('requests.columns.answerDue')}</Table.Th>
                <Table.Th>{t('requests.columns.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => {
                const due = item.answerDueOn ? formatDualCalendar(dayInstant(item.answerDueOn), language) : null;
                const updated = formatDualCalendar(item.updatedAt, language);
                return (
                  <Table.Tr key={item.id} data-request-id={item.id}>
                    <Table.Td>
                      <a href={`/requests/${item.id}`} onClick={open(item.id)} className="request-number">
                        {formatInteger(item.number, language)}
                      </a>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{item.contact.name ?? t('requests.unnamed')}</bdi>
                      {!item.contact.phoneVerified && item.contact.phone && (
                        <StatusPill tone="warn">{t('requests.phoneUnverified')}</StatusPill>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <bdi>{typeNameOf(item, language)}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <RequestStateBadge state={item.state} />
                      {item.deadlineAlertedAt && <StatusPill tone="bad">{t('requests.deadlineNear')}</StatusPill>}
                    </Table.Td>
                    <Table.Td>
                      {due && (
                        <span title={due.hijri}>
                          {due.gregorian}
                          <Text span size="xs" c="dimmed" display="block">
                            {due.hijri}
                          </Text>
                        </span>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <time dateTime={item.updatedAt} title={`${updated.gregorian} · ${updated.hijri}`}>
                        {updated.gregorian}
                      </time>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
