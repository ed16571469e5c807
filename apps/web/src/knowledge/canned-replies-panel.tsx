import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../admin/confirm-modal';
import { FieldProblem } from '../admin/field-problem';
import { errorFor, fieldErrorsOf } from '../admin/inbox-form.util';
import { api, ApiError, unwrap } from '../api/api-client';
import { CannedReply } from './canned-reply-picker';
import { PLAIN_TEXT_INPUT } from './plain-text-input.constant';

const REPLIES_KEY = ['canned-replies'];
const VARIABLES: Array<[string, string]> = [
  ['contact.name', 'contactName'],
  ['conversation.number', 'conversationNumber'],
  ['request.number', 'requestNumber'],
  ['decision.date', 'decisionDate'],
  ['officer.name', 'officerName'],
];
const PREVIEW_DELAY_MILLISECONDS = 300;

// The server renders the preview with sample values, exactly as it will fill a conversation's reply.
function PreviewOf({ body, language }: { body: string; language: 'ar' | 'en' }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(body, PREVIEW_DELAY_MILLISECONDS);
  const preview = useQuery({
    queryKey: ['canned-reply-preview', language, debounced],
    queryFn: () => unwrap(api.POST('/api/v1/canned-replies/preview', { body: { body: debounced, language } })),
    enabled: debounced.trim().length > 0,
  });
  if (!debounced.trim()) return null;
  return (
    <div className="canned-reply-preview" data-language={language}>
      <Text size="xs" fw={600}>
        {language === 'ar' ? t('cannedReplies.previewArabic') : t('cannedReplies.previewEnglish')}
      </Text>
      <Text size="sm" dir={language === 'ar' ? 'rtl' : 'ltr'} className="knowledge-hit-text">
        {preview.data?.text ?? '…'}
      </Text>
      {preview.data?.problems.map((problem) => (
        <Text key={problem} size="xs" c="red.9" dir="ltr">
          {problem}
        </Text>
      ))}
    </div>
  );
}

function ReplyModal({ reply, onClose }: { reply: CannedReply | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    title: reply?.title ?? '',
    shortcut: reply?.shortcut ?? '/',
    bodyAr: reply?.bodyAr ?? '',
    bodyEn: reply?.bodyEn ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lastBody = useRef<'bodyAr' | 'bodyEn'>('bodyAr');
  const fields = { bodyAr: useRef<HTMLTextAreaElement>(null), bodyEn: useRef<HTMLTextAreaElement>(null) };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: values.title.trim(),
        shortcut: values.shortcut.trim(),
        bodyAr: values.bodyAr,
        bodyEn: values.bodyEn.trim() ? values.bodyEn : null,
      };
      return reply
        ? unwrap(api.PATCH('/api/v1/canned-replies/{id}', { params: { path: { id: reply.id } }, body }))
        : unwrap(api.POST('/api/v1/canned-replies', { body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REPLIES_KEY });
      onClose();
    },
    onError: (error) => setErrors(error instanceof ApiError ? fieldErrorsOf(error.fields) : {}),
  });
  // A variable goes in at the cursor of the body last written in.
  const insertVariable = (variable: string) => {
    const name = lastBody.current;
    const element = fields[name].current;
    const text = values[name];
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const token = `{{${variable}}}`;
    setValues({ ...values, [name]: text.slice(0, start) + token + text.slice(end) });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const problem = (field: string) => errorFor(errors, field) && <FieldProblem message={errorFor(errors, field)!} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('knowledge.close') }}
      opened
      onClose={onClose}
      title={reply ? t('cannedReplies.edit') : t('cannedReplies.create')}
      centered
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('cannedReplies.name')}
              required
              styles={PLAIN_TEXT_INPUT}
              value={values.title}
              onChange={(event) => setValues({ ...values, title: event.currentTarget.value })}
              error={problem('title')}
            />
            <TextInput
              label={t('cannedReplies.shortcut')}
              description={t('cannedReplies.shortcutHint')}
              required
              styles={PLAIN_TEXT_INPUT}
              value={values.shortcut}
              onChange={(event) => setValues({ ...values, shortcut: event.currentTarget.value })}
              error={problem('shortcut')}
            />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('cannedReplies.variables')}
            </Text>
            <Group gap={6}>
              {VARIABLES.map(([variable, key]) => (
                <Button
                  key={variable}
                  size="compact-xs"
                  variant="default"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => insertVariable(variable)}
                >
                  {t(`cannedReplies.variableNames.${key}`)}
                </Button>
              ))}
            </Group>
          </div>
          {(['bodyAr', 'bodyEn'] as const).map((name) => (
            <Textarea
              key={name}
              ref={fields[name]}
              label={t(`cannedReplies.${name}`)}
              required={name === 'bodyAr'}
              autosize
              minRows={3}
              maxRows={10}
              dir={name === 'bodyAr' ? 'rtl' : 'ltr'}
              value={values[name]}
              onFocus={() => (lastBody.current = name)}
              onChange={(event) => setValues({ ...values, [name]: event.currentTarget.value })}
              error={problem(name)}
            />
          ))}
          <section className="canned-reply-previews" aria-label={t('cannedReplies.preview')}>
            <Text size="sm" fw={500}>
              {t('cannedReplies.preview')}
            </Text>
            <PreviewOf body={values.bodyAr} language="ar" />
            <PreviewOf body={values.bodyEn} language="en" />
          </section>
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {t('admin.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('cannedReplies.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CannedRepliesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const replies = useQuery({ queryKey: REPLIES_KEY, queryFn: () => unwrap(api.GET('/api/v1/canned-replies')) });
  const [editing, setEditing] = useState<CannedReply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedReply | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/canned-replies/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: REPLIES_KEY });
    },
  });
  return (
    <Stack gap="md">
      {canManage ? (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('cannedReplies.create')}</Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cannedReplies.readOnly')}
        </Text>
      )}
      {replies.isPending && <Loader />}
      {replies.isError && <Alert color="red">{t('admin.loadFailed')}</Alert>}
      {replies.data && replies.data.length === 0 && <Text c="dimmed">{t('cannedReplies.empty')}</Text>}
      {replies.data && replies.data.length > 0 && (
        <Table striped className="admin-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cannedReplies.shortcut')}</Table.Th>
              <Table.Th>{t('cannedReplies.name')}</Table.Th>
              <Table.Th>{t('cannedReplies.bodyAr')}</Table.Th>
              {canManage && <Table.Th>{t('admin.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {replies.data.map((reply) => (
              <Table.Tr key={reply.id}>
                <Table.Td>
                  <bdi className="canned-reply-shortcut">{reply.shortcut}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{reply.title}</bdi>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" dir="auto" lineClamp={2}>
                    {reply.bodyAr}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap={4}>
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(reply)}>
                        {t('cannedReplies.edit')}
                      </Button>
                      <Button size="compact-xs" variant="outline" color="red.9" onClick={() => setDeleting(reply)}>
                        {t('cannedReplies.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && <ReplyModal reply={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('cannedReplies.deleteTitle', { title: deleting?.title ?? '' })}
        body={t('cannedReplies.deleteBody')}
        confirmLabel={t('cannedReplies.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
