import { Checkbox, Fieldset, Group, PasswordInput, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxSummary } from '../api/api-client';
import { localised, SettingsFormField } from './channel-definitions.query';
import { FieldValue, WorkingHoursValue } from './inbox-form.util';

// Sunday 4 January 2026 is day 0: weekday names come from Intl in the interface language, not the catalogue.
function weekdayName(day: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + day)),
  );
}

export interface SettingsFieldInputProps {
  field: SettingsFormField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  // The API's problem for an API field name, as its own words under the input.
  problem: (apiField: string) => ReactNode;
  editing: boolean;
  // This organisation's inboxes, for a field that names one (web chat's verification SMS inbox).
  inboxes: readonly InboxSummary[];
}

// Mantine puts an input's `dir` on its wrapper; the attribute must be on the <input> itself for the browser to take the
// direction from what is typed.
const AUTO_DIRECTION = { input: { dir: 'auto' } } as const;

// One settings field, drawn by its input type. Codes, URLs and credentials are dir="auto": Latin text typed into a
// right-to-left page keeps its own direction.
export function SettingsFieldInput({ field, value, onChange, problem, editing, inboxes }: SettingsFieldInputProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const apiField = `settings.${field.name}`;
  const label = localised(field.label, language);
  const help = field.help ? localised(field.help, language) : undefined;
  const text = typeof value === 'string' ? value : '';
  const common = { label, error: problem(apiField), name: apiField, attributes: AUTO_DIRECTION };

  switch (field.input) {
    case 'secret': {
      // Credentials are never sent back: on edit, blank keeps the sealed one.
      return (
        <PasswordInput
          {...common}
          dir="auto"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          required={field.required && !editing}
          description={editing ? t('admin.inboxes.keepSecret') : help}
          placeholder={editing ? '••••••••' : undefined}
          autoComplete="new-password"
        />
      );
    }
    case 'long-text':
      return (
        <Textarea
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          required={field.required}
          description={help}
          autosize
          minRows={2}
          maxLength={field.maxLength ?? undefined}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          required={field.required}
          description={help}
          autosize
          minRows={2}
        />
      );
    case 'number':
      return (
        // Typed as text: the server's 400 names a value out of its range.
        <TextInput
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          required={field.required}
          description={help}
          inputMode="numeric"
        />
      );
    case 'boolean':
      return (
        <Switch
          label={label}
          description={help}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={problem(apiField)}
          name={apiField}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={[
            ...(field.required ? [] : [{ value: '', label: t('admin.inboxes.notSet') }]),
            ...(field.options ?? []).map((option) => ({ value: option.value, label: localised(option.label, language) })),
          ]}
          value={text}
          onChange={(next) => onChange(next ?? '')}
          allowDeselect={false}
          description={help}
          required={field.required}
        />
      );
    case 'inbox-reference': {
      const candidates = inboxes.filter((inbox) => inbox.channel === field.references && inbox.active);
      return (
        <Select
          {...common}
          data={[
            ...(field.required ? [] : [{ value: '', label: t('admin.inboxes.noInbox') }]),
            ...candidates.map((inbox) => ({ value: inbox.id, label: inbox.name })),
          ]}
          value={text}
          onChange={(next) => onChange(next ?? '')}
          allowDeselect={false}
          description={help}
          required={field.required}
        />
      );
    }
    case 'working-hours':
      return (
        <WorkingHoursInput
          label={label}
          value={typeof value === 'object' ? value : undefined}
          onChange={onChange}
          problem={problem}
          apiField={apiField}
        />
      );
    case 'group':
      return null;
    default:
      return (
        <TextInput
          {...common}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          required={field.required}
          description={help}
          type={field.input === 'url' ? 'url' : 'text'}
          maxLength={field.maxLength ?? undefined}
        />
      );
  }
}

interface WorkingHoursInputProps {
  label: string;
  value: WorkingHoursValue | undefined;
  onChange: (value: WorkingHoursValue) => void;
  problem: (apiField: string) => ReactNode;
  apiField: string;
}

// The same widget on every channel with working hours (web chat's automatic reply, voice's greeting): a switch, then
// the zone, the days and the shift.
function WorkingHoursInput({ label, value, onChange, problem, apiField }: WorkingHoursInputProps) {
  const { t, i18n } = useTranslation();
  const hours = value ?? { enabled: false, timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' };
  const set = (change: Partial<WorkingHoursValue>) => onChange({ ...hours, ...change });
  return (
    <>
      <Switch label={label} checked={hours.enabled} onChange={(event) => set({ enabled: event.currentTarget.checked })} />
      {hours.enabled && (
        <Fieldset legend={label}>
          <Stack gap="sm">
            <TextInput
              label={t('admin.inboxes.timeZone')}
              value={hours.timeZone}
              onChange={(event) => set({ timeZone: event.currentTarget.value })}
              error={problem(`${apiField}.timeZone`)}
              name={`${apiField}.timeZone`}
              attributes={AUTO_DIRECTION}
            />
            <Checkbox.Group
              label={t('admin.inboxes.workingDays')}
              value={hours.days.map(String)}
              onChange={(days) => set({ days: days.map(Number) })}
              error={problem(`${apiField}.days`)}
            >
              <Group gap="sm" mt={4}>
                {[0, 1, 2, 3, 4, 5, 6].map((day) => (
                  <Checkbox key={day} value={String(day)} label={weekdayName(day, i18n.language)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group grow gap="sm">
              <TextInput
                label={t('admin.inboxes.from')}
                value={hours.from}
                onChange={(event) => set({ from: event.currentTarget.value })}
                error={problem(`${apiField}.from`)}
                name={`${apiField}.from`}
                dir="ltr"
              />
              <TextInput
                label={t('admin.inboxes.to')}
                value={hours.to}
                onChange={(event) => set({ to: event.currentTarget.value })}
                error={problem(`${apiField}.to`)}
                name={`${apiField}.to`}
                dir="ltr"
              />
            </Group>
          </Stack>
        </Fieldset>
      )}
    </>
  );
}
