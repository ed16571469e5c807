import { Alert, Button, Fieldset, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, CreatedInbox, InboxSummary, unwrap } from '../api/api-client';
import type { components } from '../api/schema';
import { ChannelDefinition, definitionOf, localised, SettingsFormField, useChannelDefinitions } from './channel-definitions.query';
import { FieldProblem } from './field-problem';
import {
  apiFieldsOf,
  buildCreateInboxBody,
  buildUpdateInboxBody,
  emptyInboxForm,
  FieldValue,
  fieldErrorsOf,
  inboxFormValuesOf,
  InboxFormValues,
  kindsOf,
  placeProblems,
  providersOf,
  withDefinition,
} from './inbox-form.util';
import { SettingsFieldInput } from './settings-field-input';

// A new inbox, or an existing one whose channel and provider stay as they are.
export type InboxFormMode =
  | { kind: 'create'; onCreated: (inbox: CreatedInbox) => void }
  | { kind: 'edit'; inbox: InboxSummary; onSaved: (inbox: InboxSummary) => void };

interface InboxFormProps {
  mode: InboxFormMode;
  // This organisation's inboxes, for settings that name one.
  inboxes: InboxSummary[];
  onCancel: () => void;
}

// Drawn from the channel definitions the gateway describes: the kind, then its provider, then that provider's fields.
export function InboxForm(props: InboxFormProps) {
  const { t } = useTranslation();
  const definitions = useChannelDefinitions();
  if (definitions.isError) {
    return (
      <Alert color="red" role="alert">
        {t('admin.loadFailed')}
      </Alert>
    );
  }
  if (!definitions.data) return <Loader size="sm" aria-label={t('inbox.loading')} />;
  return <LoadedInboxForm {...props} definitions={definitions.data} />;
}

function LoadedInboxForm({ mode, inboxes, onCancel, definitions }: InboxFormProps & { definitions: ChannelDefinition[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const editing = mode.kind === 'edit' ? mode.inbox : null;
  const [values, setValues] = useState<InboxFormValues>(() =>
    editing ? inboxFormValuesOf(editing, definitionOf(definitions, editing.channel, editing.provider)) : emptyInboxForm(definitions),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const definition = definitionOf(definitions, values.channel, values.provider);
  const fields = definition?.fields ?? [];
  const save = useMutation({
    mutationFn: async (): Promise<void> => {
      if (mode.kind === 'create') {
        const body = buildCreateInboxBody(values, definition) as components['schemas']['CreateInboxDto'];
        mode.onCreated(await unwrap(api.POST('/api/v1/inboxes', { body })));
        return;
      }
      const body = buildUpdateInboxBody(values, definition, mode.inbox.settings);
      mode.onSaved(await unwrap(api.PATCH('/api/v1/inboxes/{id}', { params: { path: { id: mode.inbox.id } }, body })));
    },
    onSuccess: () => setErrors({}),
    onError: (error) => setErrors(error instanceof ApiError ? fieldErrorsOf(error.fields) : {}),
  });
  const inputs = ['channel', 'provider', 'name', ...fields.flatMap(apiFieldsOf)];
  const { byField, unplaced } = placeProblems(errors, inputs);
  // The API's problem for a field, as its own words under the input (dir=auto: the server answers in English).
  const problem = (apiField: string): ReactNode => (byField[apiField] ? <FieldProblem message={byField[apiField]} /> : undefined);
  const choose = (channel: string, provider?: string | null) => {
    setValues(withDefinition(values, definitions, channel, provider));
    setErrors({});
  };
  const setField = (name: string, value: FieldValue) =>
    setValues((current) => ({ ...current, settings: { ...current.settings, [name]: value } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const providers = providersOf(definitions, values.channel);
  const input = (field: SettingsFormField): ReactNode => {
    if (field.input === 'group') {
      const children = fields.filter((child) => child.group === field.name);
      return (
        <Fieldset key={field.name} legend={localised(field.label, language)}>
          <Group grow gap="sm" align="flex-start">
            {children.map(input)}
          </Group>
        </Fieldset>
      );
    }
    return (
      <SettingsFieldInput
        key={field.name}
        field={field}
        value={values.settings[field.name]}
        onChange={(value) => setField(field.name, value)}
        problem={problem}
        editing={editing !== null}
        inboxes={inboxes.filter((inbox) => inbox.id !== editing?.id)}
      />
    );
  };

  return (
    <form onSubmit={submit} className="inbox-form" noValidate>
      <Stack gap="sm">
        <Select
          label={t('admin.inboxes.channel')}
          data={kindsOf(definitions).map((kind) => ({ value: kind, label: t(`channels.${kind}`, { defaultValue: kind }) }))}
          value={values.channel}
          onChange={(channel) => channel && choose(channel)}
          allowDeselect={false}
          error={problem('channel')}
          disabled={editing !== null}
        />
        {providers.length > 1 && (
          <Select
            label={t('admin.inboxes.provider')}
            data={providers.map((candidate) => ({ value: candidate.provider ?? '', label: localised(candidate.title, language) }))}
            value={values.provider ?? ''}
            onChange={(provider) => provider !== null && choose(values.channel, provider || null)}
            allowDeselect={false}
            error={problem('provider')}
            disabled={editing !== null}
          />
        )}
        <TextInput
          label={t('admin.inboxes.name')}
          value={values.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setValues((current) => ({ ...current, name }));
          }}
          error={problem('name')}
          required
          attributes={{ input: { dir: 'auto' } }}
          name="name"
        />

        {fields.filter((field) => field.group === null).map(input)}

        {definition?.note && (
          <Text size="xs" c="dimmed">
            {localised(definition.note, language)}
          </Text>
        )}
        {fields.some((field) => field.writeOnly) && (
          <Text size="xs" c="dimmed">
            {t('admin.inboxes.secretsSealed')}
          </Text>
        )}

        {unplaced.map(([field, message]) => (
          <Alert key={field} color="red" role="alert">
            <FieldProblem message={message} />
          </Alert>
        ))}
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {t('admin.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? t('admin.inboxes.saveChanges') : t('admin.inboxes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
