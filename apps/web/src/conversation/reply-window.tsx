import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Message, unwrap } from '../api/api-client';
import { upsertMessage } from '../realtime/message-cache.util';
import { formatDualCalendarLine, UiLanguage } from '../shared/date-format.util';
import { useNow } from '../shared/use-now';

// Above the composer on channels with a reply window (WhatsApp's 24 hours, Messenger's 7 days with the human-agent
// tag): whether free text can be sent and until when; once closed, the approved templates with their parameters.
export function ReplyWindow({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'ar') as UiLanguage;
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const options = useQuery({
    queryKey: ['reply-options', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}/reply-options', { params: { path: { id: conversationId } } })),
    // A new message from the beneficiary reopens the window: checked again now and then.
    refetchInterval: 60_000,
  });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [parameters, setParameters] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/messages/template', {
          params: { path: { id: conversationId } },
          body: { templateId: templateId!, parameters },
        }),
      ),
    onSuccess: (message: Message) => {
      queryClient.setQueryData<{ items: Message[] }>(['messages', conversationId], (messages) => upsertMessage(messages, message));
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      setTemplateId(null);
      setParameters([]);
    },
  });

  const window = options.data?.window;
  if (!window) return null;
  const closesAt = window.closesAt ? new Date(window.closesAt) : null;
  const open = window.open && closesAt !== null && closesAt > now;
  const date = closesAt ? formatDualCalendarLine(closesAt, language) : '';
  const templates = options.data?.templates ?? [];
  const template = templates.find((candidate) => candidate.id === templateId);
  const filled = template
    ? template.body.replace(/\{\{\s*(\d+)\s*\}\}/g, (placeholder, position: string) => parameters[Number(position) - 1] || placeholder)
    : '';
  const message = open
    ? t('composer.window.open', { date })
    : !closesAt
      ? t('composer.window.neverOpened')
      : window.whenClosed === 'template'
        ? t('composer.window.closed', { date })
        : t('composer.window.closedNothing', { date });

  return (
    <Stack gap="xs" className="reply-window" data-testid="reply-window" data-open={open}>
      <Group gap="xs" wrap="nowrap">
        <Badge color={open ? 'teal' : 'red'} variant="light" className="reply-window-badge" aria-hidden>
          {open ? '●' : '○'}
        </Badge>
        <Text size="sm" c={open ? undefined : 'red.9'}>
          {message}
        </Text>
      </Group>
      {!open && window.whenClosed === 'template' && (
        <Stack gap="xs" className="template-picker">
          {templates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('composer.window.noTemplates')}
            </Text>
          ) : (
            <Select
              label={t('composer.window.template')}
              placeholder={t('composer.window.chooseTemplate')}
              data={templates.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.language})` }))}
              value={templateId}
              onChange={(id) => {
                setTemplateId(id);
                const chosen = templates.find((candidate) => candidate.id === id);
                setParameters(Array.from({ length: chosen?.parameterCount ?? 0 }, () => ''));
              }}
            />
          )}
          {template &&
            parameters.map((value, index) => (
              <TextInput
                key={index}
                label={t('composer.window.parameter', { number: (index + 1).toLocaleString(language === 'ar' ? 'ar-SA' : 'en') })}
                value={value}
                dir="auto"
                onChange={(event) => {
                  const next = [...parameters];
                  next[index] = event.currentTarget.value;
                  setParameters(next);
                }}
              />
            ))}
          {template && (
            <>
              <Text size="xs" c="dimmed">
                {t('composer.window.preview')}
              </Text>
              <Text size="sm" dir="auto" className="template-preview">
                {filled}
              </Text>
              {send.isError && (
                <Alert color="red" role="alert" p="xs">
                  <span dir="auto">{send.error instanceof ApiError ? send.error.message : t('composer.failed')}</span>
                </Alert>
              )}
              <Group justify="flex-end">
                <Button
                  onClick={() => send.mutate()}
                  loading={send.isPending}
                  disabled={parameters.some((value) => !value.trim())}
                  color="teal"
                >
                  {t('composer.window.sendTemplate')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
