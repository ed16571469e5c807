import { Alert, Select, TagsInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, Conversation, unwrap } from '../api/api-client';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES } from '../inbox/inbox-filters';
import { useDirectory } from '../shared/use-directory';

const NOBODY = 'nobody';

type ConversationChange = Partial<Pick<Conversation, 'status' | 'priority' | 'assigneeId' | 'teamId'>>;

// Who works the conversation and how it stands: assignee, team, status, priority and labels, each applied at once.
// Labels go one at a time (POST and DELETE), so two officers labelling together both count.
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const directory = useDirectory();
  const labelsInUse = useQuery({
    queryKey: ['labels'],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/labels')),
    staleTime: 60_000,
  }).data;
  const path = { params: { path: { id: conversation.id } } };

  const applied = (updated: Conversation) => {
    queryClient.setQueryData<Conversation>(['conversation', conversation.id], (previous) => ({
      ...updated,
      contact: previous?.contact ?? updated.contact,
    }));
    void queryClient.invalidateQueries({ queryKey: ['events', conversation.id] });
    void queryClient.invalidateQueries({ queryKey: ['conversations'] });
  };
  const update = useMutation({
    mutationFn: (body: ConversationChange) => unwrap(api.PATCH('/api/v1/conversations/{id}', { ...path, body })),
    onSuccess: applied,
  });
  const labels = useMutation({
    mutationFn: async (next: string[]) => {
      const current = conversation.labels;
      let latest: Conversation | undefined;
      for (const label of next.filter((label) => !current.includes(label))) {
        latest = await unwrap(api.POST('/api/v1/conversations/{id}/labels', { ...path, body: { label } }));
      }
      for (const label of current.filter((label) => !next.includes(label))) {
        latest = await unwrap(
          api.DELETE('/api/v1/conversations/{id}/labels/{label}', { params: { path: { id: conversation.id, label } } }),
        );
      }
      return latest;
    },
    onSuccess: (latest) => {
      if (latest) applied(latest);
      void queryClient.invalidateQueries({ queryKey: ['labels'] });
    },
  });

  const assignees = directory?.users ?? [];
  const failed = update.isError || labels.isError;
  return (
    <div className="conversation-actions" aria-label={t('actions.title')} role="group">
      <Select
        size="xs"
        label={t('actions.assignee')}
        value={conversation.assigneeId ?? NOBODY}
        allowDeselect={false}
        searchable
        disabled={update.isPending}
        onChange={(value) => update.mutate({ assigneeId: value === NOBODY ? null : value })}
        data={[
          { value: NOBODY, label: t('conversation.unassigned') },
          ...assignees.map((user) => ({ value: user.id, label: `${user.name} · ${t(`roles.${user.role}`)}` })),
          // Until the directory has loaded, the current assignee still has a label.
          ...(conversation.assigneeId && !assignees.some((user) => user.id === conversation.assigneeId)
            ? [{ value: conversation.assigneeId, label: t('conversation.officer') }]
            : []),
        ]}
      />
      <Select
        size="xs"
        label={t('actions.team')}
        value={conversation.teamId ?? NOBODY}
        allowDeselect={false}
        disabled={update.isPending}
        onChange={(value) => update.mutate({ teamId: value === NOBODY ? null : value })}
        data={[
          { value: NOBODY, label: t('actions.noTeam') },
          ...(directory?.teams.map((team) => ({ value: team.id, label: team.name })) ?? []),
          ...(conversation.teamId && !directory?.teams.some((team) => team.id === conversation.teamId)
            ? [{ value: conversation.teamId, label: t('actions.team') }]
            : []),
        ]}
      />
      <Select
        size="xs"
        label={t('actions.status')}
        value={conversation.status}
        allowDeselect={false}
        disabled={update.isPending}
        onChange={(value) => value && update.mutate({ status: value as Conversation['status'] })}
        data={CONVERSATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <Select
        size="xs"
        label={t('actions.priority')}
        value={conversation.priority}
        allowDeselect={false}
        disabled={update.isPending}
        onChange={(value) => value && update.mutate({ priority: value as Conversation['priority'] })}
        data={CONVERSATION_PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
      />
      <TagsInput
        size="xs"
        className="conversation-labels-input"
        label={t('actions.labels')}
        placeholder={conversation.labels.length === 0 ? t('actions.addLabel') : undefined}
        value={conversation.labels}
        data={labelsInUse?.items.map((entry) => entry.label) ?? []}
        maxTags={20}
        // The API's limit for one label.
        maxLength={50}
        disabled={labels.isPending}
        onChange={(next) => labels.mutate(next.map((label) => label.trim()).filter(Boolean))}
      />
      {failed && (
        <Alert color="red" p="xs" role="alert" className="actions-failed">
          {t('actions.failed')}
        </Alert>
      )}
    </div>
  );
}
