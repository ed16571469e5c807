import { Alert, Button, Code, Group, Loader, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, FailedJob, noContent, unwrap } from '../api/api-client';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { ConfirmModal } from './confirm-modal';
import { DualCalendarDate } from './dual-calendar-date';

const FAILED_JOBS_KEY = ['admin-failed-jobs'];

function pathOf(job: FailedJob) {
  return { params: { path: { queue: job.queue, id: job.jobId ?? '' } } };
}

// Jobs of this organisation that used every attempt: a reply that could not be sent, a message that could not be
// applied, a delivery report for an unknown message. Retrying queues it again (a failed reply is sent again);
// discarding removes the evidence, so it asks first.
export function FailedJobsPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const queryClient = useQueryClient();
  const jobs = useQuery({ queryKey: FAILED_JOBS_KEY, queryFn: () => unwrap(api.GET('/api/v1/admin/failed-jobs')), staleTime: 0 });
  const [discarding, setDiscarding] = useState<FailedJob | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: FAILED_JOBS_KEY });
  const retry = useMutation({
    mutationFn: (job: FailedJob) => unwrap(api.POST('/api/v1/admin/failed-jobs/{queue}/{id}/retry', pathOf(job))),
    onSettled: refresh,
  });
  const discard = useMutation({
    mutationFn: (job: FailedJob) => noContent(api.DELETE('/api/v1/admin/failed-jobs/{queue}/{id}', pathOf(job))),
    onSettled: async () => {
      setDiscarding(null);
      await refresh();
    },
  });
  const items = jobs.data?.items ?? [];
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.failedJobs.intro')}
      </Text>
      {(retry.isError || discard.isError) && (
        <Alert color="red" mb="sm" role="alert">
          {t('admin.saveFailed')}
        </Alert>
      )}
      {retry.isSuccess && (
        <Alert color="teal" mb="sm" role="status">
          {t('admin.failedJobs.retried')}
        </Alert>
      )}
      {jobs.isPending && <Loader />}
      {jobs.isError && <Alert color="red">{t('admin.loadFailed')}</Alert>}
      {jobs.data && items.length === 0 && <Text c="dimmed">{t('admin.failedJobs.empty')}</Text>}
      {items.length > 0 && (
        <Table striped className="admin-table" data-testid="failed-jobs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.failedJobs.job')}</Table.Th>
              <Table.Th>{t('admin.failedJobs.reason')}</Table.Th>
              <Table.Th>{t('admin.failedJobs.attempts')}</Table.Th>
              <Table.Th>{t('admin.failedJobs.failedAt')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((job) => (
              <Table.Tr key={`${job.queue}:${job.jobId}`} data-job-id={job.jobId ?? ''}>
                <Table.Td>{t(`admin.failedJobs.names.${job.name}`, { defaultValue: job.name })}</Table.Td>
                <Table.Td>
                  <Code dir="ltr" className="admin-reason">
                    {job.failedReason}
                  </Code>
                </Table.Td>
                <Table.Td>{formatInteger(job.attemptsMade, language)}</Table.Td>
                <Table.Td>{job.failedAt ? <DualCalendarDate at={job.failedAt} /> : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={retry.isPending && retry.variables === job}
                      onClick={() => retry.mutate(job)}
                    >
                      {t('admin.failedJobs.retry')}
                    </Button>
                    <Button size="compact-sm" variant="default" color="red.8" onClick={() => setDiscarding(job)}>
                      {t('admin.failedJobs.discard')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={discarding !== null}
        title={t('admin.failedJobs.discardTitle')}
        body={t('admin.failedJobs.discardBody')}
        confirmLabel={t('admin.failedJobs.discard')}
        danger
        busy={discard.isPending}
        onConfirm={() => discarding && discard.mutate(discarding)}
        onClose={() => setDiscarding(null)}
      />
    </>
  );
}
