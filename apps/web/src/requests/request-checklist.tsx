import { Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import type { SupportRequest } from './request-api.types';
import { dayInstant, labelOf } from './request-labels.util';
import { fieldElementId } from './request-routes.util';
import { PillTone, StatusPill } from './status-pill';

const STATUS_TONE: Record<string, PillTone> = { ok: 'ok', missing: 'warn', invalid: 'bad', expired: 'bad' };

// Step 2, as the server computed it: what is missing, invalid or expired on the day judged; each item links to its field.
export function RequestChecklist({ request }: { request: SupportRequest }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const { checklist } = request;
  const judged = formatDualCalendar(dayInstant(checklist.judgedOn), language);
  return (
    <div data-testid="request-checklist" data-complete={checklist.complete}>
      <Group gap="xs" mb="xs">
        <StatusPill tone={checklist.complete ? 'ok' : 'warn'}>
          {checklist.complete
            ? t('requests.checklist.complete')
            : t('requests.checklist.incomplete', { formatted: formatInteger(checklist.problems.length, language) })}
        </StatusPill>
        <Text size="xs" c="dimmed">
          {t('requests.checklist.judgedOn', { date: `${judged.gregorian} · ${judged.hijri}` })}
        </Text>
      </Group>
      {checklist.problems.length > 0 && (
        <List size="sm" spacing={4} className="checklist-problems">
          {checklist.problems.map((item) => {
            const label = labelOf(item, language);
            return (
              <List.Item key={item.path} data-path={item.path}>
                <StatusPill tone={STATUS_TONE[item.status] ?? 'neutral'}>{t(`requests.checklist.${item.status}`)}</StatusPill>
                <a href={`#${fieldElementId(item.path)}`}>
                  <bdi>
                    {item.row === undefined
                      ? label
                      : t('requests.checklist.memberOf', { label, number: formatInteger(item.row + 1, language) })}
                  </bdi>
                </a>
                {item.reason && item.reason !== 'required' && (
                  <Text span size="xs" c="dimmed" ms={6}>
                    {t(`requests.checklist.reasons.${item.reason}`)}
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}
