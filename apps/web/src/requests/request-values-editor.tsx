import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import type { FieldDefinition, HouseholdRow, RequestValues, SubFieldDefinition, SupportRequest } from './request-api.types';
import { requestCalls } from './request-calls';
import { labelOf } from './request-labels.util';
import { fieldElementId } from './request-routes.util';

// Typing stops, then the change is saved and the server's checklist comes back: the checklist follows the form live.
const SAVE_AFTER_MILLISECONDS = 700;
// Numbers people copy digit by digit read left to right in both languages.
const LEFT_TO_RIGHT = new Set(['national_id', 'iban', 'phone', 'number']);

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

function problemOf(request: SupportRequest, path: string): string | undefined {
  return request.checklist.problems.find((item) => item.path === path)?.reason;
}

function ScalarInput({
  field,
  path,
  value,
  readOnly,
  problem,
  onChange,
}: {
  field: SubFieldDefinition;
  path: string;
  value: string;
  readOnly: boolean;
  problem?: string;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const common = {
    id: fieldElementId(path),
    label: labelOf(field, language),
    required: field.required,
    readOnly,
    error: problem ? t(`requests.checklist.reasons.${problem}`) : undefined,
  };
  if (field.kind === 'choice') {
    return (
      <Select
        {...common}
        placeholder={t('requests.form.choose')}
        data={(field.options ?? []).map((option) => ({ value: option.value, label: labelOf(option, language) }))}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        disabled={readOnly}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={field.kind === 'date' ? 'date' : 'text'}
      dir={LEFT_TO_RIGHT.has(field.kind) ? 'ltr' : 'auto'}
      inputMode={field.kind === 'number' || field.kind === 'national_id' ? 'numeric' : field.kind === 'phone' ? 'tel' : undefined}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function HouseholdGroup({
  field,
  rows,
  readOnly,
  request,
  onChange,
}: {
  field: FieldDefinition;
  rows: HouseholdRow[];
  readOnly: boolean;
  request: SupportRequest;
  onChange: (rows: HouseholdRow[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const problem = problemOf(request, `values.${field.key}`);
  return (
    <fieldset className="household-group" id={fieldElementId(`values.${field.key}`)}>
      <legend>
        {labelOf(field, language)}
        {field.required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {t(`requests.checklist.reasons.${problem}`)}
        </Text>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('requests.form.noMembers')}
        </Text>
      )}
      {rows.map((row, index) => (
        <Paper key={index} withBorder p="xs" mb="xs" className="household-member">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('requests.form.member', { number: formatInteger(index + 1, language) })}
            </Text>
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                c="red.9"
                aria-label={t('requests.form.removeMember', { number: formatInteger(index + 1, language) })}
                onClick={() => onChange(rows.filter((_, other) => other !== index))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
          <div className="request-fields-grid">
            {(field.fields ?? []).map((subField) => {
              const path = `values.${field.key}.${index}.${subField.key}`;
              return (
                <ScalarInput
                  key={subField.key}
                  field={subField}
                  path={path}
                  value={row[subField.key] ?? ''}
                  readOnly={readOnly}
                  problem={problemOf(request, path)}
                  onChange={(value) =>
                    onChange(rows.map((other, position) => (position === index ? { ...other, [subField.key]: value } : other)))
                  }
                />
              );
            })}
          </div>
        </Paper>
      ))}
      {!readOnly && (
        <Button variant="default" size="compact-sm" onClick={() => onChange([...rows, {}])}>
          {t('requests.form.addMember')}
        </Button>
      )}
    </fieldset>
  );
}

// The request's form, as the version it was filed under defines it. Each change is saved after a pause; the
// server's checklist then shows what is still missing or invalid.
export function RequestValuesEditor({ request, editable }: { request: SupportRequest; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RequestValues>(() => (request.values ?? {}) as RequestValues);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const pending = useRef<Record<string, unknown>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (key: string, value: string | HouseholdRow[]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    pending.current[key] = value === '' || (Array.isArray(value) && value.length === 0) ? null : value;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const change = pending.current;
      pending.current = {};
      setSaveState('saving');
      requestCalls
        .updateValues(request.id, change)
        .then((updated) => {
          queryClient.setQueryData(['request', request.id], updated);
          void queryClient.invalidateQueries({ queryKey: ['request-events', request.id] });
          setSaveState('saved');
        })
        .catch(() => setSaveState('failed'));
    }, SAVE_AFTER_MILLISECONDS);
  };

  return (
    <Stack gap="sm" data-testid="request-values">
      {!editable && (
        <Text size="sm" c="dimmed">
          {t('requests.form.readOnly')}
        </Text>
      )}
      <div className="request-fields-grid">
        {request.form.fields
          .filter((field) => field.kind !== 'household')
          .map((field) => (
            <ScalarInput
              key={field.key}
              field={field}
              path={`values.${field.key}`}
              value={typeof values[field.key] === 'string' ? (values[field.key] as string) : ''}
              readOnly={!editable}
              problem={problemOf(request, `values.${field.key}`)}
              onChange={(value) => change(field.key, value)}
            />
          ))}
      </div>
      {request.form.fields
        .filter((field) => field.kind === 'household')
        .map((field) => (
          <HouseholdGroup
            key={field.key}
            field={field}
            rows={Array.isArray(values[field.key]) ? (values[field.key] as HouseholdRow[]) : []}
            readOnly={!editable}
            request={request}
            onChange={(rows) => change(field.key, rows)}
          />
        ))}
      <Text size="xs" c={saveState === 'failed' ? 'red.9' : 'dimmed'} aria-live="polite" data-save-state={saveState}>
        {saveState === 'saving'
          ? t('requests.form.saving')
          : saveState === 'saved'
            ? t('requests.form.saved')
            : saveState === 'failed'
              ? t('requests.form.saveFailed')
              : ' '}
      </Text>
    </Stack>
  );
}
