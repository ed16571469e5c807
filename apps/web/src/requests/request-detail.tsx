import { Alert, Anchor, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { Session } from '../session/session-store';
import { formatDualCalendar, formatDualCalendarLine, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import type { RequestEvent } from './request-api.types';
import { RequestActions } from './request-actions';
import { RequestChecklist } from './request-checklist';
import { RequestDocuments } from './request-documents';
import { dayInstant, typeNameOf } from './request-labels.util';
import { RequestStateBadge } from './request-state-badge';
import { RequestValuesEditor } from './request-values-editor';
import { StatusPill } from './status-pill';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" className="request-section" data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function DualDate({ value, language }: { value: string; language: UiLanguage }) {
  const { gregorian, hijri } = formatDualCalendar(value, language);
  return (
    <span className="dual-date">
      {gregorian}
      <Text span size="xs" c="dimmed" ms={6}>
        {hijri}
      </Text>
    </span>
  );
}

function EventLine({ event }: { event: RequestEvent }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const details = (event.details ?? {}) as Record<string, unknown>;
  let text: string;
  const template = t(`requests.events.templates.${String(details.template)}`, { defaultValue: String(details.template ?? '') });
  if (event.action === 'update_data' && typeof details.change === 'string') {
    text = t(`requests.events.changes.${details.change}`, { defaultValue: t('requests.actionsDone.update_data') });
  } else if (event.type === 'transition' && event.action) text = t(`requests.actionsDone.${event.action}`, { defaultValue: event.action });
  else if (event.type === 'notice_sent') text = t('requests.events.notice_sent', { template });
  else if (event.type === 'notice_not_sent') {
    text = t('requests.events.notice_not_sent', {
      reason: t(`requests.events.noticeReasons.${String(details.reason)}`, { defaultValue: String(details.reason) }),
    });
  } else text = t(`requests.events.${event.type}`, { defaultValue: event.type });
  const who =
    event.actorKind === 'system'
      ? t('requests.events.system')
      : event.actorKind === 'beneficiary'
        ? t('requests.events.beneficiary')
        : event.actorName;
  const reason =
    typeof details.reason === 'string' && event.type === 'transition'
      ? details.reason
      : typeof details.note === 'string'
        ? details.note
        : null;
  return (
    <li className="request-event" data-event-type={event.type} data-action={event.action ?? undefined}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={500}>
          {text}
        </Text>
        {event.toState && event.fromState !== event.toState && <RequestStateBadge state={event.toState} />}
        {who && (
          <Text size="xs" c="dimmed">
            {event.actorKind === 'staff' ? t('requests.events.by', { name: who }) : who}
          </Text>
        )}
        <time className="request-event-time" dateTime={event.createdAt} title={formatDualCalendarLine(event.createdAt, language)}>
          {formatDualCalendarLine(event.createdAt, language)}
        </time>
      </Group>
      {reason && (
        <Text size="sm" dir="auto" className="request-event-reason">
          {reason}
        </Text>
      )}
    </li>
  );
}

// One support request: its data and documents with the step-2 checklist, the actions of the caller's role, the
// research, attestation, committee and services, and the whole timeline. Dates in both calendars.
export function RequestDetail({ session, requestId }: { session: Session; requestId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const request = useQuery({
    queryKey: ['request', requestId],
    queryFn: () => unwrap(api.GET('/api/v1/requests/{id}', { params: { path: { id: requestId } } })),
  });
  const events = useQuery({
    queryKey: ['request-events', requestId],
    queryFn: () => unwrap(api.GET('/api/v1/requests/{id}/events', { params: { path: { id: requestId } } })),
  });
  const back = (event: MouseEvent) => {
    event.preventDefault();
    navigate('/requests');
  };
  if (request.isPending) return <Loader m="xl" />;
  if (request.isError) {
    const missing = request.error instanceof ApiError && request.error.status === 404;
    return <Alert color="red">{missing ? t('requests.notFound') : t('requests.loadFailed')}</Alert>;
  }
  const current = request.data;
  const editable = current.actions.includes('update_data');
  const name = (id: string | null) => current.people.find((person) => person.id === id)?.name;
  const decision = current.committee.decision;
  return (
    <article className="request-detail" data-request-id={current.id} data-state={current.state}>
      <Anchor href="/requests" onClick={back} size="sm">
        <span className="mirror-in-rtl back-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('requests.back')}
      </Anchor>
      <header className="request-header">
        <div>
          <Title order={1} size="h3">
            {t('requests.number', { number: formatInteger(current.number, language) })} — <bdi>{typeNameOf(current, language)}</bdi>
          </Title>
          <Group gap="xs" mt={4} wrap="wrap">
            <RequestStateBadge state={current.state} />
            <Text size="sm">
              <bdi>{current.contact.name ?? t('requests.unnamed')}</bdi>
            </Text>
            {current.contact.phone && (
              <Text size="sm">
                <bdi dir="ltr">{current.contact.phone}</bdi>
              </Text>
            )}
            {current.contact.phone && (
              <StatusPill tone={current.contact.phoneVerified ? 'ok' : 'warn'}>
                {current.contact.phoneVerified ? t('requests.phoneVerified') : t('requests.phoneUnverified')}
              </StatusPill>
            )}
            <Text size="xs" c="dimmed">
              {t('requests.source')}: {t(`requests.sources.${current.source}`)}
            </Text>
            {current.conversationId && (
              <Anchor
                size="xs"
                href={`/conversations/${current.conversationId}`}
                onClick={(event: MouseEvent) => (event.preventDefault(), navigate(`/conversations/${current.conversationId}`))}
              >
                {t('requests.sources.conversation')}
              </Anchor>
            )}
          </Group>
          {current.answerDueOn && (
            <Text size="sm" mt={4}>
              {t('requests.answerDue')}: <DualDate value={dayInstant(current.answerDueOn)} language={language} />
              {current.deadlineAlertedAt && <StatusPill tone="bad">{t('requests.deadlineNear')}</StatusPill>}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {t('requests.typeVersion', { version: formatInteger(current.typeVersion, language) })}
            {current.typeCurrentVersion !== current.typeVersion &&
              ` — ${t('requests.typeEdited', { current: formatInteger(current.typeCurrentVersion, language) })}`}
          </Text>
        </div>
      </header>
      <div className="request-columns">
        <Stack gap="md" className="request-main">
          <Section title={t('requests.sections.data')}>
            <RequestValuesEditor key={current.id} request={current} editable={editable} />
          </Section>
          <Section title={t('requests.sections.documents')}>
            <RequestDocuments request={current} editable={editable} />
          </Section>
          <Section title={t('requests.sections.timeline')} testId="request-timeline">
            <ol className="request-timeline">
              {(events.data?.items ?? []).map((event) => (
                <EventLine key={event.id} event={event} />
              ))}
            </ol>
          </Section>
        </Stack>
        <Stack gap="md" className="request-side">
          <Section title={t('requests.sections.checklist')}>
            <RequestChecklist request={current} />
          </Section>
          <Section title={t('requests.sections.actions')}>
            <RequestActions request={current} session={session} />
          </Section>
          <Section title={t('requests.sections.research')}>
            {current.findings ? (
              <Stack gap={4}>
                <Text size="sm">
                  {t('requests.research.visit', {
                    date: formatDualCalendar(dayInstant(current.findings.homeVisitDate), language).gregorian,
                  })}
                </Text>
                <Text size="sm" dir="auto" className="preserve-lines">
                  {current.findings.findings}
                </Text>
                <Text size="sm" fw={600} dir="auto">
                  {current.findings.recommendation}
                </Text>
                <Text size="xs" c="dimmed">
                  <bdi>{name(current.findings.recordedById)}</bdi>
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {current.researcherId
                  ? `${t('requests.research.none')} (${name(current.researcherId) ?? ''})`
                  : t('requests.research.none')}
              </Text>
            )}
          </Section>
          <Section title={t('requests.sections.attestation')} testId="request-attestation">
            <Text
              size="sm"
              data-attestation={current.attestation.status}
              c={current.attestation.status === 'invalidated' ? 'red.9' : undefined}
            >
              {current.attestation.status === 'valid' && current.attestation.attestedAt
                ? `${t('requests.attestation.valid', { date: formatDualCalendarLine(current.attestation.attestedAt, language) })} — ${t(`requests.attestation.method_${current.attestation.method}`)}`
                : current.attestation.status === 'invalidated'
                  ? t('requests.attestation.invalidated')
                  : t('requests.attestation.none')}
            </Text>
            {current.attestation.dataHash && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('requests.attestation.hash')}: <code dir="ltr">{current.attestation.dataHash.slice(0, 16)}…</code>
              </Text>
            )}
          </Section>
          {current.committee.round > 0 && (
            <Section title={t('requests.sections.committee')} testId="request-committee">
              <Text size="xs" c="dimmed">
                {t('requests.committee.round', { round: formatInteger(current.committee.round, language) })} ·{' '}
                {t('requests.committee.quorum', { quorum: formatInteger(current.committee.quorum, language) })}
              </Text>
              {decision && (
                <Text size="sm" fw={600} mt={4}>
                  {t('requests.committee.decision', { outcome: t(`requests.outcomes.${decision.outcome}`) })}
                  {decision.outcome === 'approved' &&
                    decision.service &&
                    ` — ${t('requests.committee.approvedWith', { service: decision.service, amount: decision.amount ?? '—' })}`}
                  {decision.reason && (
                    <Text span dir="auto">
                      {' '}
                      — {decision.reason}
                    </Text>
                  )}
                  <Text span size="xs" c="dimmed" ms={6}>
                    ({decision.byQuorum ? t('requests.committee.byQuorum') : t('requests.committee.byChair')})
                  </Text>
                </Text>
              )}
              <Text size="sm" fw={500} mt="xs">
                {t('requests.committee.votes')}
              </Text>
              {current.committee.votes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('requests.committee.noVotes')}
                </Text>
              ) : (
                <List size="sm">
                  {current.committee.votes.map((vote) => (
                    <List.Item key={`${vote.memberId}-${vote.round}`}>
                      <bdi>{vote.memberName}</bdi>: {t(`requests.outcomes.${vote.outcome}`)}
                      {vote.service && ` — ${vote.service}`}
                      {vote.amount !== null && ` (${vote.amount})`}
                      {vote.reason && (
                        <Text span dir="auto">
                          {' '}
                          — {vote.reason}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          )}
          {(current.beneficiary || current.services.length > 0) && (
            <Section title={t('requests.sections.services')}>
              {current.beneficiary && (
                <Text size="sm" fw={600}>
                  {t('requests.registration.fileNumber', { number: formatInteger(current.beneficiary.fileNumber, language) })}
                </Text>
              )}
              {current.services.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('requests.services.none')}
                </Text>
              ) : (
                <List size="sm">
                  {current.services.map((service) => (
                    <List.Item key={service.id}>
                      <bdi>
                        {t('requests.services.line', {
                          description: service.description,
                          date: formatDualCalendar(dayInstant(service.deliveredOn), language).gregorian,
                        })}
                      </bdi>
                      {service.amount !== null && ` · ${service.amount}`}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
          )}
        </Stack>
      </div>
    </article>
  );
}
