import { Alert, Button, Checkbox, Fieldset, Group, PasswordInput, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, CreatedInbox, InboxSummary, unwrap } from '../api/api-client';
import type { components } from '../api/schema';
import { FieldProblem } from './field-problem';
import {
  buildCreateInboxBody,
  buildUpdateInboxBody,
  emptyInboxForm,
  errorFor,
  fieldErrorsOf,
  INBOX_CHANNELS,
  InboxChannel,
  inboxFormValuesOf,
  InboxFormValues,
  PRE_CHAT_RULES,
  PreChatRule,
  SMS_PROVIDERS,
  SmsProvider,
} from './inbox-form.util';

// Sunday 4 January 2026 is day 0: weekday names come from Intl in the interface language, not the catalogue.
function weekdayName(day: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + day)),
  );
}

// A new inbox, or an existing one whose channel and provider stay as they are.
export type InboxFormMode =
  | { kind: 'create'; onCreated: (inbox: CreatedInbox) => void }
  | { kind: 'edit'; inbox: InboxSummary; onSaved: (inbox: InboxSummary) => void };

interface InboxFormProps {
  mode: InboxFormMode;
  smsInboxes: InboxSummary[];
  onCancel: () => void;
}

export function InboxForm({ mode, smsInboxes, onCancel }: InboxFormProps) {
  const { t, i18n } = useTranslation();
  const editing = mode.kind === 'edit' ? mode.inbox : null;
  const [values, setValues] = useState<InboxFormValues>(() => (editing ? inboxFormValuesOf(editing) : emptyInboxForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async (): Promise<void> => {
      if (mode.kind === 'create') {
        const body = buildCreateInboxBody(values) as components['schemas']['CreateInboxDto'];
        mode.onCreated(await unwrap(api.POST('/api/v1/inboxes', { body })));
        return;
      }
      const body = buildUpdateInboxBody(values, mode.inbox.settings);
      mode.onSaved(await unwrap(api.PATCH('/api/v1/inboxes/{id}', { params: { path: { id: mode.inbox.id } }, body })));
    },
    onSuccess: () => setErrors({}),
    onError: (error) => setErrors(error instanceof ApiError ? fieldErrorsOf(error.fields) : {}),
  });
  const set = <Key extends keyof InboxFormValues>(key: Key, value: InboxFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  // The API's problem for a field, as its own words under the input (dir=auto: the server answers in English).
  const problem = (apiField: string): ReactNode => {
    const message = errorFor(errors, apiField);
    return message ? <FieldProblem message={message} /> : undefined;
  };
  const text = (
    key: keyof InboxFormValues,
    apiField: string,
    label: string,
    options: { ltr?: boolean; required?: boolean; secret?: boolean } = {},
  ) => {
    const Input = options.secret ? PasswordInput : TextInput;
    // Stored credentials are never shown: left blank, the sealed one is kept.
    const keptSecret = Boolean(editing && options.secret);
    return (
      <Input
        label={label}
        value={values[key] as string}
        onChange={(event) => set(key, event.currentTarget.value as never)}
        error={problem(apiField)}
        required={options.required && !keptSecret}
        description={keptSecret ? t('admin.inboxes.keepSecret') : undefined}
        placeholder={keptSecret ? '••••••••' : undefined}
        dir={options.ltr ? 'ltr' : 'auto'}
        name={apiField}
      />
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const channelOptions = INBOX_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }));
  const providerOptions = SMS_PROVIDERS.map((provider) => ({ value: provider, label: t(`admin.inboxes.providers.${provider}`) }));
  const ruleOptions = PRE_CHAT_RULES.map((rule) => ({ value: rule, label: t(`admin.inboxes.rules.${rule}`) }));
  const unknownProblems = Object.entries(errors).filter(([field]) => field === 'body' || field === 'settings' || field === 'teamId');

  return (
    <form onSubmit={submit} className="inbox-form" noValidate>
      <Stack gap="sm">
        <Select
          label={t('admin.inboxes.channel')}
          data={channelOptions}
          value={values.channel}
          onChange={(channel) => channel && set('channel', channel as InboxChannel)}
          allowDeselect={false}
          error={problem('channel')}
          disabled={editing !== null}
        />
        {text('name', 'name', t('admin.inboxes.name'), { required: true })}

        {values.channel === 'api' && text('callbackUrl', 'callbackUrl', t('admin.inboxes.callbackUrl'), { ltr: true, required: true })}

        {values.channel === 'webchat' && (
          <>
            <Textarea
              label={t('admin.inboxes.allowedOrigins')}
              description={t('admin.inboxes.allowedOriginsHint')}
              value={values.allowedOrigins}
              onChange={(event) => set('allowedOrigins', event.currentTarget.value)}
              error={problem('settings.allowedOrigins')}
              dir="ltr"
              autosize
              minRows={2}
              name="settings.allowedOrigins"
            />
            <Fieldset legend={t('admin.inboxes.preChat')}>
              <Group grow gap="sm">
                {(
                  [
                    ['preChatName', 'name'],
                    ['preChatPhone', 'phone'],
                    ['preChatEmail', 'email'],
                  ] as const
                ).map(([key, field]) => (
                  <Select
                    key={key}
                    label={t(`admin.inboxes.${key}`)}
                    data={ruleOptions}
                    value={values[key]}
                    onChange={(rule) => rule && set(key, rule as PreChatRule)}
                    allowDeselect={false}
                    error={problem(`settings.preChat.${field}`)}
                  />
                ))}
              </Group>
            </Fieldset>
            <Textarea
              label={t('admin.inboxes.greeting')}
              value={values.greeting}
              onChange={(event) => set('greeting', event.currentTarget.value)}
              error={problem('settings.greeting')}
              dir="auto"
              autosize
            />
            <Switch
              label={t('admin.inboxes.workingHours')}
              checked={values.workingHoursEnabled}
              onChange={(event) => set('workingHoursEnabled', event.currentTarget.checked)}
            />
            {values.workingHoursEnabled && (
              <Fieldset legend={t('admin.inboxes.workingHours')}>
                <Stack gap="sm">
                  {text('timeZone', 'settings.workingHours.timeZone', t('admin.inboxes.timeZone'), { ltr: true })}
                  <Checkbox.Group
                    label={t('admin.inboxes.workingDays')}
                    value={values.workingDays.map(String)}
                    onChange={(days) => set('workingDays', days.map(Number))}
                    error={problem('settings.workingHours.days')}
                  >
                    <Group gap="sm" mt={4}>
                      {[0, 1, 2, 3, 4, 5, 6].map((day) => (
                        <Checkbox key={day} value={String(day)} label={weekdayName(day, i18n.language)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <Group grow gap="sm">
                    {text('workingFrom', 'settings.workingHours.from', t('admin.inboxes.from'), { ltr: true })}
                    {text('workingTo', 'settings.workingHours.to', t('admin.inboxes.to'), { ltr: true })}
                  </Group>
                  <Textarea
                    label={t('admin.inboxes.offlineMessage')}
                    value={values.offlineMessage}
                    onChange={(event) => set('offlineMessage', event.currentTarget.value)}
                    error={problem('settings.offlineMessage')}
                    dir="auto"
                    autosize
                  />
                </Stack>
              </Fieldset>
            )}
            <Select
              label={t('admin.inboxes.verificationInbox')}
              data={[
                { value: '', label: t('admin.inboxes.noVerification') },
                ...smsInboxes.map((inbox) => ({ value: inbox.id, label: inbox.name })),
              ]}
              value={values.verificationSmsInboxId}
              onChange={(id) => set('verificationSmsInboxId', id ?? '')}
              allowDeselect={false}
              error={problem('settings.phoneVerification')}
            />
          </>
        )}

        {values.channel === 'sms' && (
          <Select
            label={t('admin.inboxes.provider')}
            data={providerOptions}
            value={values.smsProvider}
            onChange={(provider) => provider && set('smsProvider', provider as SmsProvider)}
            allowDeselect={false}
            error={problem('provider')}
            disabled={editing !== null}
          />
        )}
        {((values.channel === 'sms' && values.smsProvider === 'twilio') || values.channel === 'voice') && (
          <>
            {text('accountSid', 'settings.accountSid', t('admin.inboxes.accountSid'), { ltr: true, required: true })}
            {text('authToken', 'settings.authToken', t('admin.inboxes.authToken'), { ltr: true, required: true, secret: true })}
            {text('phoneNumber', 'settings.phoneNumber', t('admin.inboxes.phoneNumber'), { ltr: true })}
          </>
        )}
        {values.channel === 'sms' &&
          values.smsProvider === 'twilio' &&
          text('messagingServiceSid', 'settings.messagingServiceSid', t('admin.inboxes.messagingServiceSid'), { ltr: true })}
        {values.channel === 'sms' && values.smsProvider === 'unifonic' && (
          <>
            {text('appSid', 'settings.appSid', t('admin.inboxes.appSid'), { ltr: true, required: true, secret: true })}
            {text('senderId', 'settings.senderId', t('admin.inboxes.senderId'), { ltr: true, required: true })}
          </>
        )}
        {values.channel === 'sms' && values.smsProvider === 'taqnyat' && (
          <>
            {text('apiToken', 'settings.apiToken', t('admin.inboxes.apiToken'), { ltr: true, required: true, secret: true })}
            {text('sender', 'settings.sender', t('admin.inboxes.sender'), { ltr: true, required: true })}
          </>
        )}
        {values.channel === 'voice' && (
          <>
            <Textarea
              label={t('admin.inboxes.forwardTo')}
              value={values.forwardTo}
              onChange={(event) => set('forwardTo', event.currentTarget.value)}
              error={problem('settings.forwardTo')}
              dir="ltr"
              autosize
              minRows={2}
              required
            />
            {text('voiceGreeting', 'settings.greeting', t('admin.inboxes.voiceGreeting'))}
            {text('voicemailPrompt', 'settings.voicemailPrompt', t('admin.inboxes.voicemailPrompt'))}
          </>
        )}
        {(values.channel === 'voice' || (values.channel === 'sms' && values.smsProvider !== 'log')) && (
          <>
            {text('apiBaseUrl', 'settings.apiBaseUrl', t('admin.inboxes.apiBaseUrl'), { ltr: true })}
            <Text size="xs" c="dimmed">
              {t('admin.inboxes.secretsSealed')}
            </Text>
          </>
        )}

        {unknownProblems.map(([field, message]) => (
          <Alert key={field} color="red" role="alert">
            <FieldProblem message={message} />
          </Alert>
        ))}
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {t('admin.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {editing ? t('admin.inboxes.saveChanges') : t('admin.inboxes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
