import { ActionIcon, Button, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, ApiError, FieldProblem, unwrap } from '../api/api-client';
import { UiLanguage } from '../shared/date-format.util';
import { formatFileSize } from '../shared/file-size.util';
import { formatInteger } from '../shared/number-format.util';
import { AttachmentRule, AttachmentUpload, uploadReplyAttachment } from './attachment-upload.util';
import { localProblemOf } from './composer-attachments.util';

export interface ComposerFile {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'ready' | 'failed';
  upload?: AttachmentUpload;
  // In the officer's language; `detail` is the server's own words, shown beside it.
  problem?: string;
  detail?: string;
}

const TYPE_NAMES: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'application/pdf': 'PDF' };

let nextKey = 0;

// The composer's files: each is uploaded as soon as it is chosen or dropped (so sending waits for nothing), checked in
// the browser against the channel's rule first and by the server again by its bytes; a refusal stays on its chip.
export function useComposerAttachments(conversationId: string, mode: 'reply' | 'note') {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const [files, setFiles] = useState<ComposerFile[]>([]);
  const rules = useQuery({
    queryKey: ['attachment-rules', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}/attachment-rules', { params: { path: { id: conversationId } } })),
    staleTime: Infinity,
  }).data;
  // Replies follow the channel; a note is never sent and takes as many files as notes may carry, each within what an
  // upload to this conversation takes (the channel's size, or notes' own where the channel carries no files).
  const rule: AttachmentRule | null | undefined =
    rules &&
    (mode === 'reply'
      ? rules.reply
      : {
          ...rules.upload,
          contentTypes: rules.upload.contentTypes.filter((type) => rules.note.contentTypes.includes(type)),
          maxCount: rules.note.maxCount,
          maxTotalBytes: rules.note.maxTotalBytes,
        });
  const patch = (key: string, change: Partial<ComposerFile>) =>
    setFiles((current) => current.map((file) => (file.key === key ? { ...file, ...change } : file)));

  const add = useCallback(
    (chosen: File[]) => {
      if (!rule) return;
      let attached = files.filter((file) => file.status !== 'failed').length;
      const added: ComposerFile[] = [];
      for (const file of chosen) {
        const key = `file-${(nextKey += 1)}`;
        const local = localProblemOf(file, rule, attached);
        if (local) {
          const problem =
            local.key === 'tooLarge'
              ? t('composer.fileTooLarge', { size: formatFileSize(local.maxBytes, language) })
              : local.key === 'tooMany'
                ? t('composer.tooManyFiles', { count: formatInteger(local.maxCount, language) })
                : t('composer.fileWrongType', { types: typesOf(rule, language) });
          added.push({ key, name: file.name, size: file.size, status: 'failed', problem });
          continue;
        }
        attached += 1;
        added.push({ key, name: file.name, size: file.size, status: 'uploading' });
        uploadReplyAttachment(conversationId, file).then(
          (upload) => patch(key, { status: 'ready', upload }),
          (error: unknown) => patch(key, { status: 'failed', ...problemOf(error, t) }),
        );
      }
      setFiles((current) => [...current, ...added]);
    },
    [conversationId, files, language, rule, t],
  );

  return {
    files,
    rule,
    add,
    remove: (key: string) => setFiles((current) => current.filter((file) => file.key !== key)),
    clear: () => setFiles([]),
    uploading: files.some((file) => file.status === 'uploading'),
    uploadIds: files.flatMap((file) => (file.status === 'ready' && file.upload ? [file.upload.id] : [])),
  };
}

export function typesOf(rule: AttachmentRule, language: UiLanguage): string {
  return rule.contentTypes.map((type) => TYPE_NAMES[type] ?? type).join(language === 'ar' ? '، ' : ', ');
}

// The server names the field at fault; the officer reads what it means in their language, then its own words.
export function problemOf(error: unknown, t: TFunction): { problem: string; detail?: string } {
  const fields: FieldProblem[] = error instanceof ApiError ? error.fields : [];
  const first = fields.find((field) => ['file', 'fileName', 'attachments', 'attachmentIds', 'text'].includes(field.field));
  if (!first) return { problem: t('composer.uploadFailed') };
  return { problem: t(`composer.problem.${first.field}`), detail: first.message };
}

interface AttachmentChipsProps {
  files: ComposerFile[];
  onRemove: (key: string) => void;
}

export function AttachmentChips({ files, onRemove }: AttachmentChipsProps) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="composer-files" aria-label={t('composer.files')}>
      {files.map((file) => (
        <li key={file.key} className={`composer-file composer-file-${file.status}`} data-testid="composer-file">
          <Group gap={6} wrap="nowrap">
            {file.status === 'uploading' && <Loader size={12} aria-label={t('composer.uploading')} />}
            <bdi className="composer-file-name">{file.name}</bdi>
            <Text span size="xs" c="dimmed">
              {formatFileSize(file.size, i18n.language as UiLanguage)}
            </Text>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('composer.removeFile', { name: file.name })}
              onClick={() => onRemove(file.key)}
            >
              ×
            </ActionIcon>
          </Group>
          {file.problem && (
            <Text size="xs" c="red.9" role="alert">
              {file.problem}
              {file.detail && (
                <>
                  {' '}
                  <bdi dir="auto" className="composer-file-detail">
                    ({file.detail})
                  </bdi>
                </>
              )}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}

interface AttachButtonProps {
  rule: AttachmentRule | null | undefined;
  onFiles: (files: File[]) => void;
}

// The button opens the system's file picker; the same files may be dropped on the composer instead.
export function AttachButton({ rule, onFiles }: AttachButtonProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="default" size="compact-sm" disabled={!rule} onClick={() => input.current?.click()}>
        {t('composer.attach')}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={rule?.contentTypes.join(',')}
        aria-label={t('composer.attach')}
        data-testid="composer-file-input"
        onChange={(event) => {
          onFiles([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}

// What this channel carries, in the officer's words: or that a file belongs in a private note here.
export function AttachmentLimits({ rule, mode }: { rule: AttachmentRule | null | undefined; mode: 'reply' | 'note' }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  if (rule === undefined) return null;
  if (rule === null) {
    return (
      <Text size="xs" c="dimmed" data-testid="attachment-limits">
        {t('composer.noFilesOnChannel')}
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed" data-testid="attachment-limits">
      {t(mode === 'reply' ? 'composer.fileLimits' : 'composer.noteFileLimits', {
        types: typesOf(rule, language),
        count: formatInteger(rule.maxCount, language),
        size: formatFileSize(rule.maxBytes, language),
      })}
    </Text>
  );
}
