import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, FieldProblem, unwrap } from '../api/api-client';
import { FieldProblem as FieldProblemText } from '../admin/field-problem';
import { useDirectory } from '../shared/use-directory';

// The fields this dialog sends, in the API's words: a 400 names one of them.
type StartField = 'inboxId' | 'phone' | 'name' | 'text';

function problemOn(error: unknown, field: StartField): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((problem: FieldProblem) => problem.field === field)?.message;
}

// An officer writes first to a beneficiary (SMS today), or records a walk-in visit (المقابلة), from the inboxes
// whose channel allows it; the server decides which do (the directory's `startsWith`).
export function NewConversationDialog({ onClose, onStarted }: { onClose: () => void; onStarted: (conversationId: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inboxes = (useDirectory()?.inboxes ?? []).filter((inbox) => inbox.active && inbox.startsWith);
  const [inboxId, setInboxId] = useState<string | null>(inboxes.length === 1 ? inboxes[0].id : null);
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const inbox = inboxes.find((candidate) => candidate.id === inboxId);
  const visit = inbox?.startsWith === 'visit';

  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations', {
          body: {
            inboxId: inboxId ?? '',
            text,
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(name.trim() ? { name: name.trim() } : {}),
          },
        }),
      ),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      onStarted(started.conversation.id);
    },
  });
  const problem = (field: StartField) => {
    const message = problemOn(start.error, field);
    return message ? <FieldProblemText message={message} /> : undefined;
  };
  const unexplained = start.isError && !(['inboxId', 'phone', 'name', 'text'] as const).some((field) => problem(field));

  return (
    <Modal opened onClose={onClose} title={t('newConversation.title')} closeButtonProps={{ 'aria-label': t('admin.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!start.isPending) start.mutate();
        }}
      >
        <Stack>
          {inboxes.length === 0 && <Alert color="gray">{t('newConversation.noInbox')}</Alert>}
          <Select
            label={t('newConversation.inbox')}
            required
            value={inboxId}
            onChange={setInboxId}
            allowDeselect={false}
            error={problem('inboxId')}
            data={inboxes.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.name} · ${t(candidate.startsWith === 'visit' ? 'newConversation.visit' : `channels.${candidate.channel}`)}`,
            }))}
          />
          <TextInput
            label={t('newConversation.name')}
            required={visit}
            dir={name ? 'auto' : undefined}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={200}
            error={problem('name')}
          />
          <TextInput
            label={t('newConversation.phone')}
            description={visit ? t('newConversation.phoneClaim') : undefined}
            required={!visit}
            dir="ltr"
            inputMode="tel"
            placeholder="05xxxxxxxx"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            maxLength={40}
            error={problem('phone')}
          />
          <Textarea
            label={visit ? t('newConversation.visitSummary') : t('newConversation.message')}
            required
            dir={text ? 'auto' : undefined}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={10_000}
            autosize
            minRows={3}
            error={problem('text')}
          />
          {unexplained && (
            <Alert color="red" role="alert">
              {t('newConversation.failed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending} disabled={!inboxId || !text.trim()}>
              {visit ? t('newConversation.record') : t('newConversation.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
