import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { UiLanguage } from '../shared/date-format.util';
import type { SupportRequest } from './request-api.types';
import { labelOf } from './request-labels.util';

const CHECKLIST_REASONS = new Set([
  'required',
  'not_a_number',
  'not_a_date',
  'date_must_be_past',
  'date_must_be_future',
  'not_an_option',
  'identity_format',
  'identity_prefix',
  'identity_checksum',
  'mobile',
  'iban_format',
  'iban_checksum',
  'expiry_date_missing',
  'expired',
]);

// A refused action in the interface's words: the role, or each item that blocks it (named by the request's own
// labels), or the server's message when it is something else.
export function ActionProblem({ error, request }: { error: unknown; request: SupportRequest }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  if (!(error instanceof ApiError)) return <Alert color="red">{t('requests.actions.failed')}</Alert>;
  if (error.status === 403)
    return (
      <Alert color="red" role="alert">
        {t('requests.actions.refusedRole')}
      </Alert>
    );
  if (error.fields.length === 0) {
    return (
      <Alert color="red" role="alert">
        <span dir="auto">{error.message}</span>
      </Alert>
    );
  }
  const labelFor = (path: string) => {
    const item =
      request.checklist.items.find((candidate) => candidate.path === path) ??
      request.checklist.problems.find((candidate) => candidate.path === path);
    if (!item) return path;
    const label = labelOf(item, language);
    return item.row === undefined ? label : t('requests.checklist.memberOf', { label, number: item.row + 1 });
  };
  return (
    <Alert color="red" role="alert" title={t('requests.actions.blocked')}>
      <List size="sm">
        {error.fields.map((field) => (
          <List.Item key={`${field.field}-${field.message}`}>
            <bdi>{labelFor(field.field)}</bdi>:{' '}
            {CHECKLIST_REASONS.has(field.message) ? (
              t(`requests.checklist.reasons.${field.message}`)
            ) : (
              <span dir="auto">{field.message}</span>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
