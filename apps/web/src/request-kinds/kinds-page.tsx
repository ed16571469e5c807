import './kinds.css';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { api, ApiError, unwrap } from '../api/api-client';
import { navigate, useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';
import { useDirectory } from '../shared/use-directory';
import { kindsAr } from './kinds-ar.catalogue';
import { kindsEn } from './kinds-en.catalogue';

i18next.addResourceBundle('ar', 'translation', { kinds: kindsAr }, true, true);
i18next.addResourceBundle('en', 'translation', { kinds: kindsEn }, true, true);

type KindRecord = components['schemas']['KindRequestResponse'];
type Kind = KindRecord['kind'];

const TABS: Kind[] = ['volunteering', 'feedback', 'internal'];
const STATES: Record<Kind, string[]> = {
  volunteering: ['new', 'interview', 'accepted', 'declined'],
  feedback: ['received', 'in_review', 'acted_on', 'closed'],
  internal: ['open', 'in_progress', 'done', 'declined'],
};
const STATE_COLOURS: Record<string, string> = {
  new: 'blue',
  received: 'blue',
  open: 'blue',
  interview: 'yellow',
  in_review: 'yellow',
  in_progress: 'yellow',
  accepted: 'teal',
  acted_on: 'teal',
  done: 'teal',
  declined: 'gray',
  closed: 'gray',
};

function tabOf(pathname: string): Kind {
  const tab = pathname.split('/')[2];
  return (TABS as string[]).includes(tab) ? (tab as Kind) : 'volunteering';
}

function DualDate({ value, language }: { value: string; language: UiLanguage }) {
  const date = formatDualCalendar(value, language);
  return (
    <span className="kind-date">
      <span>{date.gregorian}</span>
      <span className="kind-date-hijri">{date.hijri}</span>
    </span>
  );
}

// One action button; acting on feedback asks for the reply the sender is sent.
function ActionButton({ record, action }: { record: KindRecord; action: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reply, setReply] = useState('');
  const needsText = action === 'act_on' || (record.kind === 'volunteering' && (action === 'accept' || action === 'decline'));
  const run = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/kind-requests/{id}/actions', {
          params: { path: { id: record.id } },
          body: { action, ...(reply.trim() ? { reply: reply.trim() } : {}) },
        }),
      ),
    onSuccess: () => {
      setAsking(false);
      void queryClient.invalidateQueries({ queryKey: ['kind-requests'] });
    },
  });
  return (
    <>
      <Button
        size="compact-xs"
        variant={action === 'decline' || action === 'close' ? 'default' : 'filled'}
        onClick={() => (needsText ? setAsking(true) : run.mutate())}
        loading={run.isPending && !asking}
      >
        {t(`kinds.actions.${action}`)}
      </Button>
      {run.isError && !asking && (
        <Text size="xs" c="red.9" role="alert">
          {run.error instanceof ApiError && run.error.status === 403 ? t('kinds.refused') : t('kinds.failed')}
        </Text>
      )}
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t(`kinds.actions.${action}`)}
        centered
        closeButtonProps={{ 'aria-label': t('kinds.cancel') }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('kinds.reply')}
            description={t('kinds.replyHint')}
            value={reply}
            onChange={(event) => setReply(event.currentTarget.value)}
            autosize
            minRows={3}
            required={action === 'act_on'}
            dir="auto"
          />
          {run.isError && <Alert color="red">{t('kinds.failed')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('kinds.cancel')}
            </Button>
            <Button onClick={() => run.mutate()} loading={run.isPending} disabled={action === 'act_on' && !reply.trim()}>
              {t('kinds.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function NewInternalRequest() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const directory = useDirectory();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [details, setDetails] = useState('');
  const [priority, setPriority] = useState<string | null>('normal');
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/kind-requests/internal', {
          body: { teamId: teamId!, subject, details, priority: (priority ?? 'normal') as 'low' | 'normal' | 'high' | 'urgent' },
        }),
      ),
    onSuccess: () => {
      setSubject('');
      setDetails('');
      void queryClient.invalidateQueries({ queryKey: ['kind-requests'] });
    },
  });
  return (
    <form
      className="kind-new"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Title order={2} size="h5">
        {t('kinds.newInternal')}
      </Title>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('kinds.columns.team')}
          data={(directory?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          required
        />
        <TextInput
          label={t('kinds.columns.subject')}
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          required
          dir="auto"
        />
        <Select
          label={t('kinds.columns.priority')}
          data={['low', 'normal', 'high', 'urgent'].map((value) => ({ value, label: t(`kinds.priorities.${value}`) }))}
          value={priority}
          onChange={setPriority}
        />
      </Group>
      <Textarea
        label={t('kinds.columns.details')}
        value={details}
        onChange={(event) => setDetails(event.currentTarget.value)}
        required
        autosize
        minRows={2}
        dir="auto"
      />
      {create.isError && <Alert color="red">{t('kinds.failed')}</Alert>}
      <Button type="submit" disabled={!teamId || !subject.trim() || !details.trim()} loading={create.isPending}>
        {t('kinds.create')}
      </Button>
    </form>
  );
}

function KindList({ kind, session }: { kind: Kind; session: Session }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const directory = useDirectory();
  const [state, setState] = useState<string | null>(null);
  const [feedbackType, setFeedbackType] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [view, setView] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['kind-requests', kind, state, feedbackType, tag, view],
    staleTime: 0,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/kind-requests', {
          params: {
            query: {
              kind,
              ...(state ? { state: state as never } : {}),
              ...(feedbackType ? { feedbackType: feedbackType as 'suggestion' | 'complaint' } : {}),
              ...(tag.trim() ? { tag: tag.trim() } : {}),
              ...(view ? { view: view as 'mine' | 'team' } : {}),
            },
          },
        }),
      ),
  });
  const openConversation = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(`/conversations/${id}`);
  };
  const teamName = (id: string | null) => directory?.teams.find((team) => team.id === id)?.name ?? '';
  return (
    <section className="kind-list" aria-label={t(`kinds.tabs.${kind}`)}>
      {kind === 'internal' && session.user.role !== 'committee' && <NewInternalRequest />}
      <Group gap="sm" wrap="wrap" mb="sm" align="flex-end">
        <Select
          label={t('kinds.filters.state')}
          data={[
            { value: '', label: t('kinds.filters.all') },
            ...STATES[kind].map((value) => ({ value, label: t(`kinds.states.${value}`) })),
          ]}
          value={state ?? ''}
          onChange={(value) => setState(value || null)}
          w={170}
        />
        {kind === 'feedback' && (
          <>
            <Select
              label={t('kinds.filters.kind')}
              data={[
                { value: '', label: t('kinds.filters.all') },
                { value: 'suggestion', label: t('kinds.feedbackTypes.suggestion') },
                { value: 'complaint', label: t('kinds.feedbackTypes.complaint') },
              ]}
              value={feedbackType ?? ''}
              onChange={(value) => setFeedbackType(value || null)}
              w={150}
            />
            <TextInput
              label={t('kinds.filters.tag')}
              value={tag}
              onChange={(event) => setTag(event.currentTarget.value)}
              w={170}
              dir="auto"
            />
          </>
        )}
        {kind === 'internal' && (
          <Select
            label={t('kinds.columns.team')}
            data={[
              { value: '', label: t('kinds.filters.all') },
              { value: 'mine', label: t('kinds.filters.mine') },
              { value: 'team', label: t('kinds.filters.team') },
            ]}
            value={view ?? ''}
            onChange={(value) => setView(value || null)}
            w={190}
          />
        )}
      </Group>
      {list.isError && (
        <Alert color="red">{list.error instanceof ApiError && list.error.status === 403 ? t('kinds.refused') : t('kinds.failed')}</Alert>
      )}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('kinds.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table striped highlightOnHover className="kind-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{kind === 'internal' ? t('kinds.columns.subject') : t('kinds.columns.person')}</Table.Th>
              {kind === 'feedback' && <Table.Th>{t('kinds.columns.kind')}</Table.Th>}
              {kind === 'internal' && <Table.Th>{t('kinds.columns.team')}</Table.Th>}
              <Table.Th>{t('kinds.columns.details')}</Table.Th>
              {kind === 'feedback' && <Table.Th>{t('kinds.columns.tags')}</Table.Th>}
              <Table.Th>{t('kinds.columns.state')}</Table.Th>
              <Table.Th>{t('kinds.columns.created')}</Table.Th>
              <Table.Th>{t('kinds.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((record) => (
              <Table.Tr key={record.id} data-testid="kind-row">
                <Table.Td>
                  <bdi>{kind === 'internal' ? record.subject : record.contact?.name}</bdi>
                  <Text size="xs" c="dimmed">
                    {t(`kinds.sources.${record.source}`)}
                  </Text>
                </Table.Td>
                {kind === 'feedback' && <Table.Td>{record.feedbackType ? t(`kinds.feedbackTypes.${record.feedbackType}`) : ''}</Table.Td>}
                {kind === 'internal' && (
                  <Table.Td>
                    <bdi>{teamName(record.teamId)}</bdi>
                    {record.priority && (
                      <Text size="xs" c="dimmed">
                        {t(`kinds.priorities.${record.priority}`)}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td className="kind-details">
                  <Text size="sm" dir="auto" lineClamp={3}>
                    {record.details}
                  </Text>
                  {record.reply && (
                    <Text size="xs" c="teal.9" dir="auto">
                      ↩ {record.reply}
                    </Text>
                  )}
                </Table.Td>
                {kind === 'feedback' && (
                  <Table.Td>
                    <Group gap={4}>
                      {record.tags.map((value) => (
                        <Badge key={value} variant="light" size="sm">
                          <bdi>{value}</bdi>
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge color={STATE_COLOURS[record.state] ?? 'gray'} variant="light">
                    {t(`kinds.states.${record.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <DualDate value={record.createdAt} language={language} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    {record.actions.map((action) => (
                      <ActionButton key={action} record={record} action={action} />
                    ))}
                    {record.conversationId && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        component="a"
                        href={`/conversations/${record.conversationId}`}
                        onClick={openConversation(record.conversationId)}
                      >
                        {t('kinds.openConversation')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

// Volunteering applications, the supervisor's queue of suggestions and complaints, and internal requests between
// departments: /kinds/volunteering|feedback|internal.
export function KindsPage({ session, live }: { session: Session; live: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tab = tabOf(pathname);
  return (
    <div className="app-layout">
      <AppHeader session={session} live={live} />
      <main className="kinds-page">
        <Title order={1} size="h3" mb="sm">
          {t(`kinds.tabs.${tab}`)}
        </Title>
        <Tabs value={tab} onChange={(value) => value && navigate(`/kinds/${value}`)} keepMounted={false}>
          <Tabs.List mb="md">
            {TABS.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {t(`kinds.tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TABS.map((name) => (
            <Tabs.Panel key={name} value={name}>
              <KindList kind={name} session={session} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </main>
    </div>
  );
}

// React.lazy wants a default export: these pages load only when opened.
export default KindsPage;
