import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { titleWithUnread } from './unread.util';

// The tab title carries the unread total ("(3) وصل"), refreshed with the live list.
export function useUnreadTitle(): void {
  const { t, i18n } = useTranslation();
  const summary = useQuery({ queryKey: ['unread'], queryFn: () => unwrap(api.GET('/api/v1/conversations/unread')) }).data;
  const language = i18n.language as UiLanguage;
  useEffect(() => {
    document.title = titleWithUnread(t('app.name'), summary, (value) => formatInteger(value, language));
    return () => {
      document.title = t('app.name');
    };
  }, [summary, language, t]);
}
