import { Alert, Button, Checkbox, Divider, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { Session } from '../session/session-store';
import type { RequestAction, SupportRequest } from './request-api.types';
import { Decision, requestCalls } from './request-calls';
import { ActionProblem } from './request-problems';

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date());
}

// One action at a time; its answer (the request as it is now) replaces the page's copy.
function useActionRunner(request: SupportRequest) {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A refusal names what blocked it then; once the request changes (the data was corrected) it no longer holds.
  const [seenAt, setSeenAt] = useState(request.updatedAt);
  if (seenAt !== request.updatedAt && running === null) {
    setSeenAt(request.updatedAt);
    setError(null);
  }
  const run = async (name: string, call: () => Promise<SupportRequest | void>, success?: string) => {
    setRunning(name);
    setError(null);
    setNotice(null);
    try {
      const updated = await call();
      if (updated) queryClient.setQueryData(['request', request.id], updated);
      else void queryClient.invalidateQueries({ queryKey: ['request', request.id] });
      void queryClient.invalidateQueries({ queryKey: ['request-events', request.id] });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      if (success) setNotice(success);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setRunning(null);
    }
  };
  return { run, running, error, notice };
}

function ActionBlock({ children }: { children: ReactNode }) {
  return <div className="request-action">{children}</div>;
}

function DecisionForm({ label, onSubmit, loading }: { label: string; onSubmit: (decision: Decision) => void; loading: boolean }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Decision['outcome']>('approved');
  const [service, setService] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState('');
  return (
    <Stack gap={6}>
      <Select
        label={t('requests.actions.outcome')}
        data={(['approved', 'rejected', 'more_information'] as const).map((value) => ({ value, label: t(`requests.outcomes.${value}`) }))}
        value={outcome}
        allowDeselect={false}
        onChange={(value) => setOutcome((value ?? 'approved') as Decision['outcome'])}
      />
      {outcome === 'approved' ? (
        <Group grow gap="xs">
          <TextInput
            label={t('requests.actions.service')}
            dir="auto"
            value={service}
            onChange={(event) => setService(event.currentTarget.value)}
          />
          <NumberInput label={t('requests.actions.amount')} min={0} decimalScale={2} value={amount} onChange={setAmount} dir="ltr" />
        </Group>
      ) : (
        <Textarea
          label={t('requests.actions.reason')}
          dir="auto"
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
      )}
      <Button
        loading={loading}
        onClick={() =>
          onSubmit(outcome === 'approved' ? { outcome, service, ...(typeof amount === 'number' ? { amount } : {}) } : { outcome, reason })
        }
      >
        {label}
      </Button>
    </Stack>
  );
}

// The actions this user may take now: the server lists them (state and role), and checks every guard again.
export function RequestActions({ request, session }: { request: SupportRequest; session: Session }) {
  const { t } = useTranslation();
  const { run, running, error, notice } = useActionRunner(request);
  const can = (action: RequestAction) => request.actions.includes(action);
  const needsStaff = can('refer');
  const staff = useQuery({ queryKey: ['request-staff'], queryFn: () => unwrap(api.GET('/api/v1/requests/staff')), enabled: needsStaff });
  const [researcherId, setResearcherId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [returnReason, setReturnReason] = useState('');
  const [findings, setFindings] = useState({ homeVisitDate: today(), findings: '', recommendation: '' });
  const [code, setCode] = useState('');
  const [service, setService] = useState({
    description: '',
    deliveredOn: today(),
    amount: '' as number | string,
    quantity: '' as number | string,
    close: true,
  });
  const [message, setMessage] = useState('');
  const id = request.id;
  const visible = request.actions.filter((action) => action !== 'update_data');
  const canMessage =
    session.user.role === 'supervisor' ||
    (session.user.role === 'officer' && (!request.officerId || request.officerId === session.user.id)) ||
    (session.user.role === 'researcher' && request.researcherId === session.user.id);

  return (
    <Stack gap="sm" data-testid="request-actions">
      {visible.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('requests.actions.none')}
        </Text>
      )}
      {can('claim') && (
        <ActionBlock>
          <Button variant="default" loading={running === 'claim'} onClick={() => run('claim', () => requestCalls.claim(id))}>
            {t('requests.actions.claim')}
          </Button>
        </ActionBlock>
      )}
      {can('request_missing') && !request.checklist.complete && (
        <ActionBlock>
          <Button
            variant="default"
            loading={running === 'missing'}
            onClick={() => run('missing', () => requestCalls.requestMissing(id), t('requests.actions.done'))}
          >
            {t('requests.actions.request_missing')}
          </Button>
        </ActionBlock>
      )}
      {can('refer') && (
        <ActionBlock>
          <Select
            label={t('requests.actions.researcher')}
            data={(staff.data ?? [])
              .filter((member) => member.role === 'researcher')
              .map((member) => ({ value: member.id, label: member.name }))}
            value={researcherId}
            onChange={setResearcherId}
          />
          <Textarea
            label={t('requests.actions.note')}
            dir="auto"
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Button
            mt={6}
            disabled={!researcherId}
            loading={running === 'refer'}
            onClick={() =>
              run('refer', () => requestCalls.refer(id, { researcherId: researcherId!, ...(note.trim() ? { note: note.trim() } : {}) }))
            }
          >
            {t('requests.actions.refer')}
          </Button>
        </ActionBlock>
      )}
      {can('accept_referral') && (
        <ActionBlock>
          <Button loading={running === 'accept'} onClick={() => run('accept', () => requestCalls.accept(id))}>
            {t('requests.actions.accept_referral')}
          </Button>
        </ActionBlock>
      )}
      {can('record_findings') && (
        <ActionBlock>
          <TextInput
            type="date"
            label={t('requests.actions.homeVisitDate')}
            value={findings.homeVisitDate}
            onChange={(event) => setFindings({ ...findings, homeVisitDate: event.currentTarget.value })}
          />
          <Textarea
            label={t('requests.actions.findings')}
            dir="auto"
            autosize
            minRows={3}
            value={findings.findings}
            onChange={(event) => setFindings({ ...findings, findings: event.currentTarget.value })}
          />
          <Textarea
            label={t('requests.actions.recommendation')}
            dir="auto"
            autosize
            minRows={2}
            value={findings.recommendation}
            onChange={(event) => setFindings({ ...findings, recommendation: event.currentTarget.value })}
          />
          <Button mt={6} loading={running === 'findings'} onClick={() => run('findings', () => requestCalls.findings(id, findings))}>
            {t('requests.actions.record_findings')}
          </Button>
        </ActionBlock>
      )}
      {can('return_referral') && (
        <ActionBlock>
          <Textarea
            label={t('requests.actions.returnReason')}
            dir="auto"
            autosize
            minRows={2}
            value={returnReason}
            onChange={(event) => setReturnReason(event.currentTarget.value)}
          />
          <Button
            mt={6}
            variant="default"
            disabled={!returnReason.trim()}
            loading={running === 'return'}
            onClick={async () => {
              if (await run('return', () => requestCalls.returnReferral(id, { reason: returnReason.trim() }))) navigate('/requests');
            }}
          >
            {t('requests.actions.return_referral')}
          </Button>
        </ActionBlock>
      )}
      {can('request_attestation') && (
        <ActionBlock>
          <Button
            variant="default"
            loading={running === 'code'}
            onClick={() => run('code', () => requestCalls.sendAttestationCode(id), t('requests.actions.done'))}
          >
            {t('requests.actions.request_attestation')}
          </Button>
        </ActionBlock>
      )}
      {can('attest') && request.attestation.status !== 'valid' && (
        <ActionBlock>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('requests.actions.code')}
              dir="ltr"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Button
              variant="default"
              disabled={code.trim().length !== 6}
              loading={running === 'attest'}
              onClick={() => run('attest', () => requestCalls.attestInPerson(id, { code: code.trim() }))}
            >
              {t('requests.actions.attest')}
            </Button>
          </Group>
        </ActionBlock>
      )}
      {can('send_to_committee') && (
        <ActionBlock>
          <Button loading={running === 'committee'} onClick={() => run('committee', () => requestCalls.sendToCommittee(id))}>
            {t('requests.actions.send_to_committee')}
          </Button>
        </ActionBlock>
      )}
      {can('vote') && (
        <ActionBlock>
          <DecisionForm
            label={t('requests.actions.vote')}
            loading={running === 'vote'}
            onSubmit={(decision) => void run('vote', () => requestCalls.vote(id, decision))}
          />
        </ActionBlock>
      )}
      {can('approve') && (
        <ActionBlock>
          <Text size="sm" fw={600}>
            {t('requests.actions.decide')}
          </Text>
          <DecisionForm
            label={t('requests.actions.decide')}
            loading={running === 'decide'}
            onSubmit={(decision) => void run('decide', () => requestCalls.decide(id, decision))}
          />
        </ActionBlock>
      )}
      {can('register') && (
        <ActionBlock>
          <Button loading={running === 'register'} onClick={() => run('register', () => requestCalls.register(id))}>
            {t('requests.actions.register')}
          </Button>
        </ActionBlock>
      )}
      {can('deliver_service') && (
        <ActionBlock>
          <TextInput
            label={t('requests.actions.serviceDescription')}
            dir="auto"
            value={service.description}
            onChange={(event) => setService({ ...service, description: event.currentTarget.value })}
          />
          <Group grow gap="xs">
            <TextInput
              type="date"
              label={t('requests.actions.deliveredOn')}
              value={service.deliveredOn}
              onChange={(event) => setService({ ...service, deliveredOn: event.currentTarget.value })}
            />
            <NumberInput
              label={t('requests.actions.amount')}
              min={0}
              decimalScale={2}
              dir="ltr"
              value={service.amount}
              onChange={(amount) => setService({ ...service, amount })}
            />
            <NumberInput
              label={t('requests.actions.quantity')}
              min={1}
              allowDecimal={false}
              dir="ltr"
              value={service.quantity}
              onChange={(quantity) => setService({ ...service, quantity })}
            />
          </Group>
          <Checkbox
            mt={6}
            label={t('requests.actions.closeAfter')}
            checked={service.close}
            onChange={(event) => setService({ ...service, close: event.currentTarget.checked })}
          />
          <Button
            mt={6}
            disabled={!service.description.trim()}
            loading={running === 'deliver'}
            onClick={() =>
              run('deliver', async () => {
                const delivered = await requestCalls.deliver(id, {
                  description: service.description.trim(),
                  deliveredOn: service.deliveredOn,
                  ...(typeof service.amount === 'number' ? { amount: service.amount } : {}),
                  ...(typeof service.quantity === 'number' ? { quantity: service.quantity } : {}),
                });
                return service.close ? requestCalls.close(id) : delivered;
              })
            }
          >
            {t('requests.actions.deliver_service')}
          </Button>
        </ActionBlock>
      )}
      {can('close') && request.services.length > 0 && (
        <ActionBlock>
          <Button variant="default" loading={running === 'close'} onClick={() => run('close', () => requestCalls.close(id))}>
            {t('requests.actions.close')}
          </Button>
        </ActionBlock>
      )}
      {error !== null && <ActionProblem error={error} request={request} />}
      {notice && (
        <Alert color="teal" p="xs" role="status">
          {notice}
        </Alert>
      )}
      {canMessage && request.state !== 'closed' && request.state !== 'rejected' && (
        <>
          <Divider label={t('requests.sections.message')} labelPosition="center" />
          <Textarea
            aria-label={t('requests.sections.message')}
            placeholder={t('requests.actions.messagePlaceholder')}
            dir="auto"
            autosize
            minRows={2}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="default"
              disabled={!message.trim()}
              loading={running === 'message'}
              onClick={async () => {
                const outcome = await requestCalls.message(id, message.trim()).catch(() => ({ sent: false }));
                if (outcome.sent) setMessage('');
                await run(
                  'message',
                  async () => undefined,
                  outcome.sent ? t('requests.actions.messageSent') : t('requests.actions.messageNotSent'),
                );
              }}
            >
              {t('requests.actions.send')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
