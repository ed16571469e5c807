import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/api-client';
import { Session } from '../session/session-store';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import type { DocumentDefinition, FieldDefinition, RequestType, SaveRequestType, SubFieldDefinition } from './request-api.types';
import { optionsFromText, optionsToText } from './request-type-form.util';
import { StatusPill } from './status-pill';

const FIELD_KINDS = ['text', 'number', 'date', 'choice', 'national_id', 'phone', 'iban', 'household'] as const;
const DOCUMENT_KINDS = ['national_id', 'family_card', 'income_proof', 'lease', 'medical_report', 'custom'] as const;

function blankField(index: number): FieldDefinition {
  return { key: `field${index + 1}`, labelAr: '', labelEn: '', kind: 'text', required: false };
}

function blankDocument(index: number): DocumentDefinition {
  return { key: `document${index + 1}`, kind: 'custom', labelAr: '', labelEn: '', required: true, hasExpiry: false };
}

function FieldRow({
  field,
  onChange,
  onRemove,
  nested,
  problems,
  path,
}: {
  field: SubFieldDefinition & { fields?: SubFieldDefinition[] };
  onChange: (field: SubFieldDefinition & { fields?: SubFieldDefinition[] }) => void;
  onRemove: () => void;
  nested: boolean;
  problems: Record<string, string>;
  path: string;
}) {
  const { t } = useTranslation();
  const [optionsText, setOptionsText] = useState(optionsToText(field.options));
  return (
    <Paper withBorder p="xs" className="type-field-row">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          size="xs"
          label={t('requests.admin.key')}
          dir="ltr"
          value={field.key}
          onChange={(event) => onChange({ ...field, key: event.currentTarget.value })}
          error={problems[`${path}.key`]}
        />
        <TextInput
          size="xs"
          label={t('requests.admin.labelAr')}
          dir="rtl"
          value={field.labelAr}
          onChange={(event) => onChange({ ...field, labelAr: event.currentTarget.value })}
        />
        <TextInput
          size="xs"
          label={t('requests.admin.labelEn')}
          dir="ltr"
          value={field.labelEn}
          onChange={(event) => onChange({ ...field, labelEn: event.currentTarget.value })}
        />
        <Select
          size="xs"
          label={t('requests.admin.kind')}
          data={FIELD_KINDS.filter((kind) => !nested || kind !== 'household').map((kind) => ({
            value: kind,
            label: t(`requests.admin.kinds.${kind}`),
          }))}
          value={field.kind}
          allowDeselect={false}
          onChange={(kind) =>
            onChange({
              ...field,
              kind: (kind ?? 'text') as SubFieldDefinition['kind'],
              ...(kind === 'household'
                ? { fields: field.fields ?? [{ key: 'name', labelAr: 'الاسم', labelEn: 'Name', kind: 'text', required: true }] }
                : { fields: undefined }),
              ...(kind === 'choice' ? {} : { options: undefined }),
              ...(kind === 'date' ? {} : { dateRule: undefined }),
            })
          }
        />
        {field.kind === 'date' && (
          <Select
            size="xs"
            label={t('requests.admin.dateRule')}
            data={[
              { value: '', label: t('requests.admin.noRule') },
              { value: 'past', label: t('requests.admin.past') },
              { value: 'future', label: t('requests.admin.future') },
            ]}
            value={field.dateRule ?? ''}
            onChange={(rule) => onChange({ ...field, dateRule: rule ? (rule as 'past' | 'future') : undefined })}
          />
        )}
        <Checkbox
          size="xs"
          label={t('requests.admin.required')}
          checked={field.required}
          onChange={(event) => onChange({ ...field, required: event.currentTarget.checked })}
        />
        <ActionIcon variant="subtle" color="red" c="red.9" aria-label={t('requests.admin.remove')} onClick={onRemove}>
          ×
        </ActionIcon>
      </Group>
      {field.kind === 'choice' && (
        <Textarea
          size="xs"
          mt={6}
          label={t('requests.admin.options')}
          autosize
          minRows={2}
          value={optionsText}
          error={problems[`${path}.options`]}
          onChange={(event) => {
            setOptionsText(event.currentTarget.value);
            onChange({ ...field, options: optionsFromText(event.currentTarget.value) });
          }}
        />
      )}
      {field.kind === 'household' && (
        <Stack gap={6} mt={6} className="type-subfields">
          {(field.fields ?? []).map((subField, index) => (
            <FieldRow
              key={index}
              nested
              field={subField}
              path={`${path}.fields.${index}`}
              problems={problems}
              onChange={(next) =>
                onChange({ ...field, fields: (field.fields ?? []).map((other, position) => (position === index ? next : other)) })
              }
              onRemove={() => onChange({ ...field, fields: (field.fields ?? []).filter((_, position) => position !== index) })}
            />
          ))}
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => onChange({ ...field, fields: [...(field.fields ?? []), blankField(field.fields?.length ?? 0)] })}
          >
            {t('requests.admin.addSubField')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

function TypeEditor({ type, onDone }: { type: RequestType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SaveRequestType>(
    type
      ? {
          nameAr: type.nameAr,
          nameEn: type.nameEn,
          publicForm: type.publicForm,
          active: type.active,
          fields: type.form.fields,
          documents: type.form.documents,
        }
      : { nameAr: '', nameEn: '', publicForm: false, active: true, fields: [], documents: [] },
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      type
        ? unwrap(api.PUT('/api/v1/request-types/{id}', { params: { path: { id: type.id } }, body: draft }))
        : unwrap(api.POST('/api/v1/request-types', { body: draft })),
    onSuccess: async () => {
      setProblems({});
      await queryClient.invalidateQueries({ queryKey: ['request-types'] });
      onDone();
    },
    onError: (error) =>
      setProblems(error instanceof ApiError ? Object.fromEntries(error.fields.map((field) => [field.field, field.message])) : {}),
  });
  return (
    <Paper withBorder p="md" data-testid="request-type-editor">
      <Stack gap="sm">
        <Group grow gap="xs">
          <TextInput
            label={t('requests.admin.nameAr')}
            dir="rtl"
            required
            value={draft.nameAr}
            onChange={(event) => setDraft({ ...draft, nameAr: event.currentTarget.value })}
            error={problems.nameAr}
          />
          <TextInput
            label={t('requests.admin.nameEn')}
            dir="ltr"
            required
            value={draft.nameEn}
            onChange={(event) => setDraft({ ...draft, nameEn: event.currentTarget.value })}
            error={problems.nameEn}
          />
        </Group>
        <Group gap="md">
          <Checkbox
            label={t('requests.admin.publicForm')}
            checked={draft.publicForm ?? false}
            onChange={(event) => setDraft({ ...draft, publicForm: event.currentTarget.checked })}
          />
          <Checkbox
            label={t('requests.admin.active')}
            checked={draft.active ?? true}
            onChange={(event) => setDraft({ ...draft, active: event.currentTarget.checked })}
          />
        </Group>
        <Title order={3} size="h6">
          {t('requests.admin.fields')}
        </Title>
        {draft.fields.map((field, index) => (
          <FieldRow
            key={index}
            nested={false}
            field={field}
            path={`fields.${index}`}
            problems={problems}
            onChange={(next) =>
              setDraft({
                ...draft,
                fields: draft.fields.map((other, position) => (position === index ? (next as FieldDefinition) : other)),
              })
            }
            onRemove={() => setDraft({ ...draft, fields: draft.fields.filter((_, position) => position !== index) })}
          />
        ))}
        <Button
          variant="default"
          size="xs"
          onClick={() => setDraft({ ...draft, fields: [...draft.fields, blankField(draft.fields.length)] })}
        >
          {t('requests.admin.addField')}
        </Button>
        <Title order={3} size="h6">
          {t('requests.admin.documents')}
        </Title>
        {draft.documents.map((document, index) => {
          const update = (next: Partial<DocumentDefinition>) =>
            setDraft({
              ...draft,
              documents: draft.documents.map((other, position) => (position === index ? { ...other, ...next } : other)),
            });
          return (
            <Paper withBorder p="xs" key={index}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  size="xs"
                  label={t('requests.admin.key')}
                  dir="ltr"
                  value={document.key}
                  onChange={(event) => update({ key: event.currentTarget.value })}
                  error={problems[`documents.${index}.key`]}
                />
                <Select
                  size="xs"
                  label={t('requests.admin.kind')}
                  data={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`requests.admin.documentKinds.${kind}`) }))}
                  value={document.kind}
                  allowDeselect={false}
                  onChange={(kind) => update({ kind: (kind ?? 'custom') as DocumentDefinition['kind'] })}
                />
                <TextInput
                  size="xs"
                  label={t('requests.admin.labelAr')}
                  dir="rtl"
                  value={document.labelAr}
                  onChange={(event) => update({ labelAr: event.currentTarget.value })}
                />
                <TextInput
                  size="xs"
                  label={t('requests.admin.labelEn')}
                  dir="ltr"
                  value={document.labelEn}
                  onChange={(event) => update({ labelEn: event.currentTarget.value })}
                />
                <Checkbox
                  size="xs"
                  label={t('requests.admin.required')}
                  checked={document.required}
                  onChange={(event) => update({ required: event.currentTarget.checked })}
                />
                <Checkbox
                  size="xs"
                  label={t('requests.admin.hasExpiry')}
                  checked={document.hasExpiry}
                  onChange={(event) => update({ hasExpiry: event.currentTarget.checked })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  c="red.9"
                  aria-label={t('requests.admin.remove')}
                  onClick={() => setDraft({ ...draft, documents: draft.documents.filter((_, position) => position !== index) })}
                >
                  ×
                </ActionIcon>
              </Group>
            </Paper>
          );
        })}
        <Button
          variant="default"
          size="xs"
          onClick={() => setDraft({ ...draft, documents: [...draft.documents, blankDocument(draft.documents.length)] })}
        >
          {t('requests.admin.addDocument')}
        </Button>
        {save.isError && (
          <Alert color="red" role="alert">
            {Object.keys(problems).length > 0
              ? Object.entries(problems).map(([field, message]) => <div key={field} dir="auto">{`${field}: ${message}`}</div>)
              : t('admin.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('requests.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SettingsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['request-settings'], queryFn: () => unwrap(api.GET('/api/v1/request-settings')) });
  const staff = useQuery({ queryKey: ['request-staff'], queryFn: () => unwrap(api.GET('/api/v1/requests/staff')) });
  const inboxes = useQuery({ queryKey: ['admin-inboxes'], queryFn: () => unwrap(api.GET('/api/v1/inboxes')) });
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/request-settings', { body: draft })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['request-settings'], saved);
      setDraft({});
      setProblems({});
    },
    onError: (error) =>
      setProblems(error instanceof ApiError ? Object.fromEntries(error.fields.map((field) => [field.field, field.message])) : {}),
  });
  if (!settings.data) return <Loader />;
  const value = <Key extends keyof typeof settings.data>(key: Key) =>
    (key in draft ? draft[key] : settings.data[key]) as (typeof settings.data)[Key];
  return (
    <Paper withBorder p="md" data-testid="request-settings">
      <Title order={2} size="h5" mb="sm">
        {t('requests.admin.settings')}
      </Title>
      <Stack gap="sm">
        <Group grow gap="xs" align="flex-start">
          <NumberInput
            label={t('requests.admin.answerDays')}
            min={settings.data.minimumAnswerDays}
            allowDecimal={false}
            value={value('answerDays')}
            onChange={(answerDays) => setDraft({ ...draft, answerDays })}
            error={problems.answerDays}
            dir="ltr"
          />
          <NumberInput
            label={t('requests.admin.quorum')}
            min={1}
            allowDecimal={false}
            value={value('quorum')}
            onChange={(quorum) => setDraft({ ...draft, quorum })}
            error={problems.quorum}
            dir="ltr"
          />
          <NumberInput
            label={t('requests.admin.alertDaysBefore')}
            min={0}
            allowDecimal={false}
            value={value('alertDaysBefore')}
            onChange={(alertDaysBefore) => setDraft({ ...draft, alertDaysBefore })}
            error={problems.alertDaysBefore}
            dir="ltr"
          />
        </Group>
        <Group grow gap="xs" align="flex-start">
          <Select
            label={t('requests.admin.chair')}
            data={[
              { value: '', label: t('requests.admin.noChair') },
              ...(staff.data ?? [])
                .filter((member) => member.role === 'committee')
                .map((member) => ({ value: member.id, label: member.name })),
            ]}
            value={value('chairUserId') ?? ''}
            onChange={(chairUserId) => setDraft({ ...draft, chairUserId: chairUserId || null })}
            error={problems.chairUserId}
          />
          <Select
            label={t('requests.admin.smsInbox')}
            data={[
              { value: '', label: t('requests.admin.noSmsInbox') },
              ...(inboxes.data ?? [])
                .filter((inbox) => inbox.channel === 'sms' && inbox.active)
                .map((inbox) => ({ value: inbox.id, label: inbox.name })),
            ]}
            value={value('smsInboxId') ?? ''}
            onChange={(smsInboxId) => setDraft({ ...draft, smsInboxId: smsInboxId || null })}
            error={problems.smsInboxId}
          />
        </Group>
        {save.isSuccess && (
          <Alert color="teal" p="xs" role="status">
            {t('requests.admin.settingsSaved')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button loading={save.isPending} disabled={Object.keys(draft).length === 0} onClick={() => save.mutate()}>
            {t('requests.admin.saveSettings')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

// The administrator's page: request types (their forms and documents, a new version on every save) and the
// organisation's request settings. The public form's link is shown for the association's website.
export function RequestTypesAdmin({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const types = useQuery({ queryKey: ['request-types'], queryFn: () => unwrap(api.GET('/api/v1/request-types')) });
  const [editing, setEditing] = useState<RequestType | 'new' | null>(null);
  if (session.user.role !== 'admin') return <Alert color="red">{t('requests.actions.refusedRole')}</Alert>;
  const publicLink = `${window.location.origin}/forms/${session.user.organisationId}`;
  return (
    <Stack gap="md" className="request-types-admin">
      <Title order={1} size="h3">
        {t('requests.admin.title')}
      </Title>
      <Text size="sm">
        {t('requests.admin.publicLink')}: <Code dir="ltr">{publicLink}</Code>
      </Text>
      {editing ? (
        <TypeEditor
          key={editing === 'new' ? 'new' : editing.id}
          type={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('requests.admin.newType')}</Button>
        </Group>
      )}
      {types.isPending && <Loader />}
      {types.data && (
        <Table striped>
          <Table.Tbody>
            {types.data.map((type) => (
              <Table.Tr key={type.id} data-type-id={type.id}>
                <Table.Td>
                  <bdi>{language === 'ar' ? type.nameAr : type.nameEn}</bdi>
                </Table.Td>
                <Table.Td>{t('requests.admin.version', { version: formatInteger(type.version, language) })}</Table.Td>
                <Table.Td>
                  {type.publicForm && <StatusPill tone="ok">{t('requests.admin.publicForm')}</StatusPill>}
                  {!type.active && <StatusPill tone="neutral">{t('admin.inactive')}</StatusPill>}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(type)}>
                    {t('requests.admin.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SettingsPanel />
    </Stack>
  );
}
