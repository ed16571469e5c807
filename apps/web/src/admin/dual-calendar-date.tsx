import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';

export function listSeparator(language: UiLanguage): string {
  return language === 'ar' ? '، ' : ', ';
}

// A date in a table cell: the Gregorian day and the time on one line, the Umm al-Qura day under it. No "·" between
// them: next to Arabic-Indic digits it reads as a zero.
export function DualCalendarDate({ at }: { at: string }) {
  const { i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const { gregorian, hijri, time } = formatDualCalendar(at, language);
  return (
    <span className="dual-calendar-date">
      <span>
        {gregorian}
        {listSeparator(language)}
        {time}
      </span>
      <Text size="xs" c="dimmed" span>
        {hijri}
      </Text>
    </span>
  );
}
