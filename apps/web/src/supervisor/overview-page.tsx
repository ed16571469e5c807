import { Alert, Loader, Paper, SimpleGrid, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { ChannelIcon } from '../shared/channel-icon';
import { formatWaitingDuration, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { useNow } from '../shared/use-now';

// The supervisor's live overview: the socket's events refetch it (key 'supervisor-overview'). Response-time
// targets and satisfaction come with their own issue and slot in as more cards and tables.
export function OverviewPage({ session, live }: { session: Session; live: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const now = useNow();
  const overview = useQuery({ queryKey: ['supervisor-overview'], queryFn: () => unwrap(api.GET('/api/v1/supervisor/overview')) });
  const number = (value: number) => formatInteger(value, language);

  return (
    <div className="app-layout">
      <AppHeader session={session} live={live} />
      <main className="overview-page">
        <Title order={1} size="h3">
          {t('overview.title')}
        </Title>
        {overview.isPending && <Loader />}
        {overview.isError && <Alert color="red">{t('inbox.loadFailed')}</Alert>}
        {overview.data && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="overview-totals">
              {(['open', 'pending', 'unassigned'] as const).map((key) => (
                <Paper key={key} withBorder p="md" className="overview-total" data-total={key}>
                  <Text size="sm" c="dimmed">
                    {t(`overview.${key}`)}
                  </Text>
                  <Text fw={600} size="xl" className="overview-total-value">
                    {number(overview.data.totals[key])}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  {t('overview.byChannel')}
                </Title>
                {overview.data.byChannel.length === 0 && <Text c="dimmed">{t('overview.nothing')}</Text>}
                <ul className="overview-bars">
                  {overview.data.byChannel.map((row) => {
                    const most = Math.max(...overview.data.byChannel.map((other) => other.open + other.pending), 1);
                    return (
                      <li key={row.channel} data-channel={row.channel}>
                        <span className="overview-bar-label">
                          <ChannelIcon channel={row.channel} />
                          {t(`channels.${row.channel}`)}
                        </span>
                        {/* A bar chart in CSS: the bar grows along the reading direction. */}
                        <span className="overview-bar" aria-hidden="true">
                          <span className="overview-bar-open" style={{ inlineSize: `${(row.open / most) * 100}%` }} />
                          <span className="overview-bar-pending" style={{ inlineSize: `${(row.pending / most) * 100}%` }} />
                        </span>
                        <span className="overview-bar-count">
                          {/* A slash, not a middle dot: the Arabic-Indic zero (٠) is a dot too. */}
                          {number(row.open)} / {number(row.pending)} / {number(row.unassigned)}
                        </span>
                      </li>
                    );
                  })}
                </ul>
                <Text size="xs" c="dimmed">
                  {t('overview.open')} / {t('overview.pending')} / {t('overview.unassigned')}
                </Text>
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  {t('overview.longestWaiting')}
                </Title>
                {overview.data.longestWaiting.length === 0 && <Text c="dimmed">{t('overview.nothing')}</Text>}
                <ol className="overview-waiting">
                  {overview.data.longestWaiting.map((conversation) => (
                    <li key={conversation.id}>
                      <UnstyledButton
                        onClick={() => navigate(`/conversations/${conversation.id}?status=any`)}
                        className="overview-waiting-item"
                      >
                        <ChannelIcon channel={conversation.channel} />
                        <span>{t('inbox.number', { number: number(conversation.number) })}</span>
                        <span className="waiting">{formatWaitingDuration(conversation.waitingSince, now, language)}</span>
                      </UnstyledButton>
                    </li>
                  ))}
                </ol>
              </Paper>
              <CountsTable
                title={t('overview.byTeam')}
                rows={overview.data.byTeam.map((row) => ({ ...row, key: row.teamId ?? 'none', name: row.name ?? t('overview.noTeam') }))}
                number={number}
              />
              <CountsTable
                title={t('overview.byOfficer')}
                rows={overview.data.byOfficer.map((row) => ({ key: row.userId, ...row }))}
                number={number}
              />
            </SimpleGrid>
          </>
        )}
      </main>
    </div>
  );
}

interface CountsRow {
  key: string;
  name: string;
  open: number;
  pending: number;
}

function CountsTable({ title, rows, number }: { title: string; rows: CountsRow[]; number: (value: number) => string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('overview.nothing')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overview.name')}</Table.Th>
              <Table.Th>{t('overview.open')}</Table.Th>
              <Table.Th>{t('overview.pending')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>
                  <bdi>{row.name}</bdi>
                </Table.Td>
                <Table.Td>{number(row.open)}</Table.Td>
                <Table.Td>{number(row.pending)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
