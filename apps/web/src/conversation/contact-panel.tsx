import {
  ActionIcon,
  Alert,
  Anchor,
  Avatar,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ContactDetail, ContactSummary, Conversation, unwrap } from '../api/api-client';
import { navigate, useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { ChannelIcon } from '../shared/channel-icon';
import { formatDualCalendarLine, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { contactIdentityRows } from './contact-identities.util';

const CALL_OUTCOMES = ['answered', 'no-answer', 'busy', 'failed', 'left-voicemail'] as const;
const MERGE_ROLES = new Set(['officer', 'supervisor', 'admin']);
const SEARCH_DELAY_MILLISECONDS = 300;

function contactName(contact: { name: string | null; phone: string | null }, fallback: string): string {
  return contact.name ?? contact.phone ?? fallback;
}

interface ContactPanelProps {
  conversationId: string;
  session: Session;
  onClose: () => void;
}

// The beneficiary behind the open conversation: every way they reached the association (verified or only claimed),
// their other conversations, merging a duplicate record into this one, and logging a phone call.
export function ContactPanel({ conversationId, session, onClose }: ContactPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const { search } = useLocation();
  const conversation = useQuery({
    queryKey: ['conversation', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}', { params: { path: { id: conversationId } } })),
  }).data;
  const contactId = conversation?.contact.id;
  const contact = useQuery({
    queryKey: ['contact', contactId],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id: contactId! } } })),
    enabled: Boolean(contactId),
  });
  const [merging, setMerging] = useState(false);
  const [loggingCall, setLoggingCall] = useState(false);

  const open = (event: MouseEvent, id: string) => {
    event.preventDefault();
    navigate(`/conversations/${id}/contact${search}`);
  };

  return (
    <aside className="contact-panel" aria-label={t('contact.title')}>
      <header className="contact-panel-header">
        <ActionIcon variant="subtle" onClick={onClose} aria-label={t('contact.close')}>
          <svg className="mirror-in-rtl" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </ActionIcon>
        <Text fw={600} component="h2" className="contact-panel-title">
          {t('contact.title')}
        </Text>
      </header>
      {contact.isPending && <Loader size="sm" m="md" aria-label={t('inbox.loading')} />}
      {contact.isError && <Alert color="red">{t('contact.loadFailed')}</Alert>}
      {contact.data && (
        <Stack gap="md" className="contact-panel-body">
          <Group gap="sm" wrap="nowrap" align="center">
            {contact.data.pictureUrl && (
              <Avatar src={contact.data.pictureUrl} alt={t('contact.picture')} radius="xl" size="lg" className="contact-picture" />
            )}
            <div>
              <Text fw={600} size="lg" component="p" className="contact-name">
                <bdi>{contactName(contact.data, t('inbox.unnamed'))}</bdi>
              </Text>
              <Text size="xs" c="dimmed">
                {t('contact.since', { date: formatDualCalendarLine(contact.data.createdAt, language).split(' · ').slice(1).join(' · ') })}
              </Text>
            </div>
          </Group>
          <section aria-labelledby="contact-identities">
            <Text fw={600} size="sm" id="contact-identities" component="h3">
              {t('contact.identities')}
            </Text>
            <ul className="contact-identities">
              {contactIdentityRows(contact.data).map((row) => (
                <li key={`${row.kind}-${row.value}-${row.inboxId ?? ''}`} data-verified={row.verified}>
                  <span className="identity-kind">{t(`contact.kinds.${row.kind}`)}</span>
                  <bdi dir="ltr" className="identity-value">
                    {row.value}
                  </bdi>
                  <span className={row.verified ? 'identity-badge identity-verified' : 'identity-badge identity-unverified'}>
                    {row.verified ? t('contact.verified') : t('contact.unverified')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="contact-conversations">
            <Text fw={600} size="sm" id="contact-conversations" component="h3">
              {t('contact.conversations')}
            </Text>
            <ul className="contact-conversations">
              {contact.data.conversations.map((other: Conversation) => (
                <li key={other.id} aria-current={other.id === conversationId ? 'true' : undefined}>
                  <ChannelIcon channel={other.channel} size={16} />
                  {other.id === conversationId ? (
                    <span>{t('inbox.number', { number: formatInteger(other.number, language) })}</span>
                  ) : (
                    <Anchor href={`/conversations/${other.id}/contact${search}`} onClick={(event) => open(event, other.id)} size="sm">
                      {t('inbox.number', { number: formatInteger(other.number, language) })}
                    </Anchor>
                  )}
                  <span className={`status-badge status-${other.status}`}>{t(`status.${other.status}`)}</span>
                </li>
              ))}
            </ul>
          </section>
          <Group gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setLoggingCall(true)}>
              {t('calls.log')}
            </Button>
            {MERGE_ROLES.has(session.user.role) && (
              <Button size="compact-sm" variant="default" onClick={() => setMerging(true)}>
                {t('merge.open')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      {contact.data && merging && <MergeDialog target={contact.data} onClose={() => setMerging(false)} />}
      {loggingCall && <LogCallDialog conversationId={conversationId} onClose={() => setLoggingCall(false)} />}
    </aside>
  );
}

// Merging is permanent, so the dialog names both records and says what moves, what stays and what disappears.
function MergeDialog({ target, onClose }: { target: ContactDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const queryClient = useQueryClient();
  const [term, setTerm] = useState('');
  const [settled] = useDebouncedValue(term.trim(), SEARCH_DELAY_MILLISECONDS);
  const [chosen, setChosen] = useState<ContactSummary | null>(null);
  const candidates = useQuery({
    queryKey: ['contacts', settled],
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: settled, limit: 10 } } })),
    enabled: settled.length >= 2,
  });
  const source = useQuery({
    queryKey: ['contact', chosen?.id],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id: chosen!.id } } })),
    enabled: Boolean(chosen),
  });
  const merge = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/contacts/{id}/merge', { params: { path: { id: target.id } }, body: { sourceContactId: chosen!.id } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contact'] });
      void queryClient.invalidateQueries({ queryKey: ['conversation'] });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      onClose();
    },
  });
  const targetName = contactName(target, t('inbox.unnamed'));
  const sourceName = chosen ? contactName(chosen, t('inbox.unnamed')) : '';
  const sourceIdentities = source.data ? contactIdentityRows(source.data) : [];

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('merge.title', { name: targetName })}
      closeButtonProps={{ 'aria-label': t('admin.close') }}
      size="lg"
    >
      {!chosen ? (
        <Stack>
          <TextInput
            label={t('merge.search')}
            description={t('merge.searchHint')}
            dir={term ? 'auto' : undefined}
            value={term}
            onChange={(event) => setTerm(event.currentTarget.value)}
            data-autofocus
          />
          {candidates.isFetching && <Loader size="xs" aria-label={t('inbox.loading')} />}
          <ul className="merge-candidates">
            {candidates.data?.items
              .filter((candidate) => candidate.id !== target.id)
              .map((candidate) => (
                <li key={candidate.id}>
                  <bdi>{contactName(candidate, t('inbox.unnamed'))}</bdi>
                  {candidate.phone && (
                    <bdi dir="ltr" className="identity-value">
                      {candidate.phone}
                    </bdi>
                  )}
                  <Button size="compact-xs" variant="default" onClick={() => setChosen(candidate)}>
                    {t('merge.choose')}
                  </Button>
                </li>
              ))}
          </ul>
          {candidates.isSuccess && candidates.data.items.filter((candidate) => candidate.id !== target.id).length === 0 && (
            <Text size="sm" c="dimmed">
              {t('merge.noMatch')}
            </Text>
          )}
        </Stack>
      ) : (
        <Stack>
          {source.isPending && <Loader size="xs" aria-label={t('inbox.loading')} />}
          {source.data && (
            <div className="merge-consequences" data-testid="merge-consequences">
              <Text fw={600}>{t('merge.summary', { source: sourceName, target: targetName })}</Text>
              <ul>
                <li>
                  {t('merge.moveConversations', { number: formatInteger(source.data.conversations.length, language), target: targetName })}
                </li>
                <li>
                  {sourceIdentities.length === 0 ? t('merge.noIdentities') : t('merge.moveIdentities', { target: targetName })}
                  {sourceIdentities.length > 0 && (
                    <ul>
                      {sourceIdentities.map((row) => (
                        <li key={`${row.kind}-${row.value}`}>
                          {t(`contact.kinds.${row.kind}`)}: <bdi dir="ltr">{row.value}</bdi> (
                          {row.verified ? t('contact.verified') : t('contact.unverified')})
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
                <li>{t('merge.keepDetails', { target: targetName, source: sourceName })}</li>
                <li>{t('merge.sourceDisappears', { source: sourceName })}</li>
                <li>{t('merge.permanent')}</li>
              </ul>
            </div>
          )}
          {merge.isError && (
            <Alert color="red" role="alert">
              {t('merge.failed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setChosen(null)}>
              {t('merge.back')}
            </Button>
            <Button color="red.9" loading={merge.isPending} disabled={!source.data} onClick={() => merge.mutate()}>
              {t('merge.confirm', { source: sourceName, target: targetName })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function LogCallDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<(typeof CALL_OUTCOMES)[number]>('answered');
  const [minutes, setMinutes] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const log = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/calls', {
          params: { path: { id: conversationId } },
          body: {
            outcome,
            ...(typeof minutes === 'number' ? { durationSeconds: Math.round(minutes * 60) } : {}),
            ...(notes.trim() ? { notes: notes.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['calls', conversationId] });
      void queryClient.invalidateQueries({ queryKey: ['conversation', conversationId] });
      void queryClient.invalidateQueries({ queryKey: ['events', conversationId] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('calls.logTitle')} closeButtonProps={{ 'aria-label': t('admin.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!log.isPending) log.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('calls.outcome')}
            value={outcome}
            allowDeselect={false}
            onChange={(value) => value && setOutcome(value as (typeof CALL_OUTCOMES)[number])}
            data={CALL_OUTCOMES.map((value) => ({ value, label: t(`calls.outcomes.${value}`) }))}
          />
          <NumberInput label={t('calls.durationMinutes')} min={0} max={1440} value={minutes} onChange={setMinutes} allowDecimal={false} />
          <Textarea
            label={t('calls.notes')}
            dir={notes ? 'auto' : undefined}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          {log.isError && (
            <Alert color="red" role="alert">
              {t('calls.failed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={log.isPending}>
              {t('calls.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
