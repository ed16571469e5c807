import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DragEvent, KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Message, unwrap } from '../api/api-client';
import { upsertMessage } from '../realtime/message-cache.util';
import { UiLanguage } from '../shared/date-format.util';
import { PaneCommand } from '../shared/keyboard-shortcut.util';
import { formatInteger } from '../shared/number-format.util';
import { ComposerTools, hasUnfilledBlank } from '../knowledge/composer-tools';
import { AttachButton, AttachmentChips, AttachmentLimits, problemOf, useComposerAttachments } from './composer-attachments';
import { readDraft, writeDraft } from './draft-store';

type ComposerMode = 'reply' | 'note';

// Replies on these channels reach the beneficiary as SMS, counted in parts (the server's repliesGoOutAsSms).
const SMS_CHANNELS = new Set(['sms', 'voice']);
// Internal requests and public forms send nothing out: staff write to each other there as notes.
const NOTE_CHANNELS = new Set(['internal', 'web_form']);
const PREVIEW_DELAY_MILLISECONDS = 300;

// Encoding and parts of the reply as the officer types, from the server's own count (debounced).
function SmsLengthLine({ conversationId, text }: { conversationId: string; text: string }) {
  const { t, i18n } = useTranslation();
  const [settled] = useDebouncedValue(text, PREVIEW_DELAY_MILLISECONDS);
  const preview = useQuery({
    queryKey: ['sms-preview', conversationId, settled],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/messages/preview', { params: { path: { id: conversationId } }, body: { text: settled } }),
      ),
    enabled: settled.trim().length > 0,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
  }).data?.sms;
  if (!preview || !text.trim()) return null;
  const number = (value: number) => formatInteger(value, i18n.language as UiLanguage);
  return (
    <Text size="xs" c={preview.withinLimit ? 'dimmed' : 'red.9'} className="sms-length" data-testid="sms-length" aria-live="polite">
      {t('composer.smsLength', {
        encoding: preview.encoding === 'UCS-2' ? t('composer.unicode') : t('composer.gsm'),
        parts: number(preview.segments),
        remaining: number(preview.remainingInLastSegment),
      })}
      {!preview.withinLimit && ` ${t('composer.smsTooLong', { max: number(preview.maxParts) })}`}
    </Text>
  );
}

export function Composer({ conversationId, channel, command }: { conversationId: string; channel: string; command: PaneCommand | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ComposerMode>(NOTE_CHANNELS.has(channel) ? 'note' : 'reply');
  const [text, setText] = useState(() => readDraft(conversationId));
  // A second click or Ctrl+Enter before the first answer must not send twice; state updates are too late.
  const sending = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const attachments = useComposerAttachments(conversationId, mode);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (command?.action === 'reply' || command?.action === 'note') {
      setMode(command.action);
      field.current?.focus();
    }
  }, [command]);

  const send = useMutation({
    mutationFn: (body: { text: string; private: boolean; attachmentIds?: string[] }) =>
      unwrap(api.POST('/api/v1/conversations/{id}/messages', { params: { path: { id: conversationId } }, body })),
    onSuccess: (message: Message) => {
      queryClient.setQueryData<{ items: Message[] }>(['messages', conversationId], (messages) => upsertMessage(messages, message));
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      setText('');
      writeDraft(conversationId, '');
      attachments.clear();
    },
    onSettled: () => {
      sending.current = false;
    },
  });

  const updateText = (value: string) => {
    setText(value);
    writeDraft(conversationId, value);
  };

  const hasFiles = attachments.uploadIds.length > 0;
  const canSend = (text.trim().length > 0 || hasFiles) && !hasUnfilledBlank(text) && !attachments.uploading;

  function submit() {
    const trimmed = text.trim();
    // A canned reply's blanks ([____]) are for the officer to fill, never for the beneficiary to read.
    if (!canSend || sending.current) return;
    sending.current = true;
    send.mutate({ text: trimmed, private: mode === 'note', ...(hasFiles ? { attachmentIds: attachments.uploadIds } : {}) });
  }

  // Files dropped anywhere on the composer are attached like those chosen with the button.
  const dropHandlers = {
    onDragOver: (event: DragEvent<HTMLFormElement>) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent<HTMLFormElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent<HTMLFormElement>) => {
      if (!event.dataTransfer.files.length) return;
      event.preventDefault();
      setDragging(false);
      attachments.add([...event.dataTransfer.files]);
    },
  };
  const sendProblem = send.error instanceof ApiError && send.error.fields.length > 0 ? problemOf(send.error, t) : null;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
    // Out of the field, the single-letter shortcuts work again.
    if (event.key === 'Escape') event.currentTarget.blur();
  }

  return (
    <form
      className={`composer composer-${mode}${dragging ? ' composer-dragging' : ''}`}
      {...dropHandlers}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <SegmentedControl
        size="xs"
        value={mode}
        onChange={(value) => setMode(value as ComposerMode)}
        data={[
          { value: 'reply', label: t('composer.reply') },
          { value: 'note', label: t('composer.note') },
        ]}
      />
      {send.isError && (
        <Alert color="red" role="alert" p="xs">
          {sendProblem ? (
            <>
              {sendProblem.problem}{' '}
              {sendProblem.detail && (
                <bdi dir="auto" className="composer-file-detail">
                  ({sendProblem.detail})
                </bdi>
              )}
            </>
          ) : (
            t('composer.failed')
          )}
        </Alert>
      )}
      {dragging && (
        <Text size="sm" className="composer-drop-hint" aria-live="polite">
          {t('composer.dropHere')}
        </Text>
      )}
      <Textarea
        ref={field}
        // Each line reads in the direction of its own first letter (an Arabic reply, a quoted passage, an English
        // line); an empty field follows the page, so the placeholder reads in the interface's direction. Mantine puts
        // a `dir` prop on the wrapper, not on the textarea, where it left typed Arabic aligned to the left.
        styles={{ input: { unicodeBidi: 'plaintext' } }}
        autosize
        minRows={2}
        maxRows={8}
        aria-label={mode === 'reply' ? t('composer.reply') : t('composer.note')}
        placeholder={mode === 'reply' ? t('composer.replyPlaceholder') : t('composer.notePlaceholder')}
        value={text}
        onChange={(event) => updateText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <AttachmentChips files={attachments.files} onRemove={attachments.remove} />
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <AttachButton rule={attachments.rule} onFiles={attachments.add} />
            <ComposerTools conversationId={conversationId} field={field} text={text} onTextChange={updateText} />
          </Group>
          <AttachmentLimits rule={attachments.rule} mode={mode} />
          {mode === 'reply' && SMS_CHANNELS.has(channel) && <SmsLengthLine conversationId={conversationId} text={text} />}
        </Stack>
        <Button type="submit" loading={send.isPending} disabled={!canSend} color={mode === 'note' ? 'yellow' : 'teal'}>
          {mode === 'reply' ? t('composer.send') : t('composer.saveNote')}
        </Button>
      </Group>
    </form>
  );
}
