import { Alert, Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Organisation, unwrap } from '../api/api-client';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';
import { DigitStyle, setDisplayPreferences } from '../shared/display-preferences';
import { listSeparator } from './dual-calendar-date';
import { FieldProblem } from './field-problem';
import { errorFor, fieldErrorsOf } from './inbox-form.util';

// The runtime's own list of IANA zones, so the choice is one the server also accepts.
function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

const SAMPLE_NUMBER = 1447;

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation.name);
  const [timeZone, setTimeZone] = useState(organisation.timeZone);
  const [digitStyle, setDigitStyle] = useState<DigitStyle>(organisation.digitStyle);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/api/v1/organisation', { body: { name: name.trim(), timeZone, digitStyle } })),
    onSuccess: (updated) => {
      setErrors({});
      setSaved(true);
      queryClient.setQueryData(['organisation'], updated);
      // Every date and number on every page follows at once.
      setDisplayPreferences(updated);
    },
    onError: (error) => {
      setSaved(false);
      setErrors(error instanceof ApiError ? fieldErrorsOf(error.fields) : {});
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problem = (field: string) => {
    const message = errorFor(errors, field);
    return message ? <FieldProblem message={message} /> : undefined;
  };
  const now = formatDualCalendar(new Date(), i18n.language as UiLanguage, timeZone);
  const digits = (style: DigitStyle) =>
    new Intl.NumberFormat(style === 'latin' ? 'ar-SA-u-nu-latn' : 'ar-SA-u-nu-arab', { useGrouping: false }).format(SAMPLE_NUMBER);
  return (
    <form onSubmit={submit} className="organisation-form" data-testid="organisation-form">
      <Stack gap="md">
        <TextInput
          label={t('admin.organisation.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problem('name')}
          dir="auto"
          required
        />
        <Select
          label={t('admin.organisation.timeZone')}
          description={t('admin.organisation.timeZoneHint')}
          data={timeZoneOptions(timeZone)}
          value={timeZone}
          onChange={(zone) => zone && setTimeZone(zone)}
          allowDeselect={false}
          searchable
          error={problem('timeZone')}
          dir="ltr"
          limit={50}
        />
        <Text size="sm" data-testid="time-zone-preview">
          {t('admin.organisation.nowThere')}{' '}
          <bdi>
            {now.gregorian}
            {listSeparator(i18n.language as UiLanguage)}
            {now.time} ({now.hijri})
          </bdi>
        </Text>
        <Radio.Group
          label={t('admin.organisation.digitStyle')}
          description={t('admin.organisation.digitStyleHint')}
          value={digitStyle}
          onChange={(value) => setDigitStyle(value as DigitStyle)}
          error={problem('digitStyle')}
        >
          <Group gap="lg" mt="xs">
            {(['arabic-indic', 'latin'] as const).map((style) => (
              <Radio key={style} value={style} label={t(`admin.organisation.digits.${style}`, { sample: digits(style) })} />
            ))}
          </Group>
        </Radio.Group>
        {saved && (
          <Alert color="teal" role="status">
            {t('admin.organisation.saved')}
          </Alert>
        )}
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {t('admin.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// «المنظمة»: the association's name, and the time zone and digits in which the app shows dates and numbers.
export function OrganisationPanel() {
  const { t } = useTranslation();
  const organisation = useQuery({ queryKey: ['organisation'], queryFn: () => unwrap(api.GET('/api/v1/organisation')) });
  if (organisation.isError) return <Alert color="red">{t('admin.loadFailed')}</Alert>;
  if (!organisation.data) return null;
  return <OrganisationForm organisation={organisation.data} />;
}
