import {
  Alert,
  Badge,
  Button,
  Drawer,
  FileInput,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../admin/confirm-modal';
import { FieldProblem } from '../admin/field-problem';
import { errorFor, fieldErrorsOf } from '../admin/inbox-form.util';
import { api, ApiError, unwrap } from '../api/api-client';
import { formatDualCalendar, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { headingLabel } from './composer-text.util';
import { pageLabel } from './knowledge-anchor.util';
import { KnowledgeHitCard, useKnowledgeSearch } from './knowledge-search-popover';
import { KnowledgeDocument, uploadKnowledgeDocument } from './knowledge-upload.util';
import { PLAIN_TEXT_INPUT } from './plain-text-input.constant';

const KINDS = ['bylaws', 'research_services_guide', 'support_policy_guide', 'support_request_form', 'other'] as const;
const READER_ROLES = ['officer', 'researcher', 'committee', 'supervisor'] as const;
const DOCUMENTS_KEY = ['knowledge-documents'];
const STATUS_COLOURS: Record<string, string> = { pending: 'yellow.9', ready: 'teal.9', failed: 'red.9' };

function problemsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? fieldErrorsOf(error.fields) : {};
}

function useChoices() {
  const { t } = useTranslation();
  return {
    kinds: KINDS.map((kind) => ({ value: kind, label: t(`knowledge.kinds.${kind}`) })),
    readers: READER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
  };
}

function FieldsOfDocument({
  values,
  onChange,
  errors,
}: {
  values: { title: string; kind: string; readerRoles: string[] };
  onChange: (values: { title: string; kind: string; readerRoles: string[] }) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { kinds, readers } = useChoices();
  const problem = (field: string) => errorFor(errors, field) && <FieldProblem message={errorFor(errors, field)!} />;
  return (
    <>
      <TextInput
        label={t('knowledge.title_column')}
        required
        styles={PLAIN_TEXT_INPUT}
        value={values.title}
        onChange={(event) => onChange({ ...values, title: event.currentTarget.value })}
        error={problem('title')}
      />
      <Select
        label={t('knowledge.kind')}
        data={kinds}
        value={values.kind}
        allowDeselect={false}
        onChange={(kind) => kind && onChange({ ...values, kind })}
        error={problem('kind')}
      />
      <MultiSelect
        label={t('knowledge.readers')}
        description={t('knowledge.readersHint')}
        placeholder={values.readerRoles.length === 0 ? t('knowledge.allStaff') : undefined}
        data={readers}
        value={values.readerRoles}
        onChange={(readerRoles) => onChange({ ...values, readerRoles })}
        error={problem('readerRoles')}
      />
    </>
  );
}

function UploadModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState({ title: '', kind: 'other', readerRoles: [] as string[] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const upload = useMutation({
    mutationFn: () => uploadKnowledgeDocument(file!, values),
    onSuccess: async () => {
      setFile(null);
      setValues({ title: '', kind: 'other', readerRoles: [] });
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY });
      onClose();
    },
    onError: (error) => setErrors(problemsOf(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  const fileProblem = errorFor(errors, 'file') ?? errorFor(errors, 'fileName');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('knowledge.close') }}
      opened={opened}
      onClose={onClose}
      title={t('knowledge.uploadTitle')}
      centered
      size="lg"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FileInput
            label={t('knowledge.file')}
            description={t('knowledge.fileHint')}
            accept=".pdf,.docx,.md,.markdown,.txt"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              if (chosen && !values.title) setValues({ ...values, title: chosen.name.replace(/\.[^.]+$/, '') });
            }}
            required
            error={fileProblem && <FieldProblem message={fileProblem} />}
          />
          <FieldsOfDocument values={values} onChange={setValues} errors={errors} />
          {upload.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {t('admin.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending} disabled={!file}>
              {t('knowledge.uploadSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ArticleModal({
  article,
  opened,
  onClose,
}: {
  article: (KnowledgeDocument & { body?: string | null }) | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    title: article?.title ?? '',
    kind: (article?.kind ?? 'other') as string,
    readerRoles: (article?.readerRoles ?? []) as string[],
    body: article?.body ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        title: values.title.trim(),
        kind: values.kind as (typeof KINDS)[number],
        readerRoles: values.readerRoles as (typeof READER_ROLES)[number][],
        body: values.body,
      };
      return article
        ? unwrap(api.PATCH('/api/v1/knowledge/documents/{id}', { params: { path: { id: article.id } }, body: fields }))
        : unwrap(api.POST('/api/v1/knowledge/articles', { body: fields }));
    },
    onSuccess: async () => {
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY });
      onClose();
    },
    onError: (error) => setErrors(problemsOf(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('knowledge.close') }}
      opened={opened}
      onClose={onClose}
      title={article ? t('knowledge.articleEdit') : t('knowledge.articleCreate')}
      centered
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <FieldsOfDocument values={values} onChange={(fields) => setValues({ ...values, ...fields })} errors={errors} />
          <Textarea
            label={t('knowledge.articleBody')}
            required
            autosize
            minRows={8}
            maxRows={20}
            styles={PLAIN_TEXT_INPUT}
            value={values.body}
            onChange={(event) => setValues({ ...values, body: event.currentTarget.value })}
            error={errorFor(errors, 'body') && <FieldProblem message={errorFor(errors, 'body')!} />}
          />
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {t('admin.saveFailed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('knowledge.articleSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PassagesDrawer({ document, onClose }: { document: KnowledgeDocument | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const passages = useQuery({
    queryKey: ['knowledge-passages', document?.id],
    queryFn: () => unwrap(api.GET('/api/v1/knowledge/documents/{id}/passages', { params: { path: { id: document!.id } } })),
    enabled: document !== null,
  });
  return (
    <Drawer
      opened={document !== null}
      onClose={onClose}
      position={i18n.dir() === 'rtl' ? 'left' : 'right'}
      size="xl"
      title={document && t('knowledge.passagesTitle', { title: document.title })}
      closeButtonProps={{ 'aria-label': t('knowledge.close') }}
    >
      {document?.source === 'upload' && (
        <Button component="a" variant="default" size="compact-sm" mb="sm" href={`/api/v1/knowledge/documents/${document.id}/file`}>
          {t('knowledge.download')}
        </Button>
      )}
      {passages.isPending && <Loader />}
      <Stack gap="sm">
        {passages.data?.items.map((passage) => (
          <article key={passage.id} className="knowledge-hit">
            {(passage.heading || passage.page !== null) && (
              <Text size="sm" fw={600} className="knowledge-hit-source">
                {passage.heading && <bdi>{headingLabel(passage.heading)}</bdi>}
                {passage.heading && passage.page !== null && t('knowledge.separator')}
                {pageLabel(passage.page, t, i18n.language as UiLanguage)}
              </Text>
            )}
            <Text size="sm" dir="auto" className="knowledge-hit-text">
              {passage.text}
            </Text>
          </article>
        ))}
      </Stack>
    </Drawer>
  );
}

function SearchSection() {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const results = useKnowledgeSearch(term);
  return (
    <section className="knowledge-search" aria-label={t('knowledge.search')}>
      <TextInput
        label={t('knowledge.search')}
        placeholder={t('knowledge.searchPlaceholder')}
        value={term}
        styles={PLAIN_TEXT_INPUT}
        onChange={(event) => setTerm(event.currentTarget.value)}
      />
      {results.isFetching && <Loader size="sm" mt="xs" />}
      {results.data && results.data.items.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('knowledge.noResults')}
        </Text>
      )}
      {results.data && results.data.items.length > 0 && (
        <div className="knowledge-search-results knowledge-page-results">
          {results.data.items.map((hit) => (
            <KnowledgeHitCard key={hit.passageId} hit={hit} />
          ))}
        </div>
      )}
    </section>
  );
}

// Every member of staff searches and reads; administrators upload, write, read again and delete.
export function DocumentsPanel({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const queryClient = useQueryClient();
  const documents = useQuery({
    queryKey: DOCUMENTS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/knowledge/documents')),
    // While the worker reads a document, its status is asked for again until it is settled.
    refetchInterval: (query) => (query.state.data?.some((document) => document.status === 'pending') ? 1500 : false),
  });
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState<(KnowledgeDocument & { body?: string | null }) | 'new' | null>(null);
  const [viewing, setViewing] = useState<KnowledgeDocument | null>(null);
  const [deleting, setDeleting] = useState<KnowledgeDocument | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY });
  const reread = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/knowledge/documents/{id}/reread', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/knowledge/documents/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const openArticle = async (document: KnowledgeDocument) => {
    setEditing(await unwrap(api.GET('/api/v1/knowledge/documents/{id}', { params: { path: { id: document.id } } })));
  };
  return (
    <Stack gap="md">
      <SearchSection />
      {canManage ? (
        <Group gap="sm">
          <Button onClick={() => setUploading(true)}>{t('knowledge.upload')}</Button>
          <Button variant="default" onClick={() => setEditing('new')}>
            {t('knowledge.articleCreate')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('knowledge.readOnly')}
        </Text>
      )}
      {documents.isPending && <Loader />}
      {documents.isError && <Alert color="red">{t('admin.loadFailed')}</Alert>}
      {documents.data && documents.data.length === 0 && <Text c="dimmed">{t('knowledge.empty')}</Text>}
      {documents.data && documents.data.length > 0 && (
        <Table striped className="admin-table knowledge-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('knowledge.title_column')}</Table.Th>
              <Table.Th>{t('knowledge.kind')}</Table.Th>
              <Table.Th>{t('knowledge.status')}</Table.Th>
              <Table.Th>{t('knowledge.passages')}</Table.Th>
              <Table.Th>{t('knowledge.updated')}</Table.Th>
              <Table.Th>{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.data.map((document) => {
              const updated = formatDualCalendar(document.updatedAt, language);
              return (
                <Table.Tr key={document.id} data-document-id={document.id}>
                  <Table.Td>
                    <bdi>{document.title}</bdi>
                    <Text size="xs" c="dimmed">
                      {t(`knowledge.formats.${document.format}`)}
                      {document.fileName && (
                        <>
                          {' · '}
                          <bdi>{document.fileName}</bdi>
                        </>
                      )}
                      {document.readerRoles.length > 0 &&
                        ` · ${document.readerRoles.map((role) => t(`roles.${role}`)).join(t('knowledge.separator'))}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`knowledge.kinds.${document.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge
                      className="knowledge-badge"
                      variant="filled"
                      color={STATUS_COLOURS[document.status]}
                      data-status={document.status}
                    >
                      {t(`knowledge.statuses.${document.status}`)}
                    </Badge>
                    {document.failureReason && (
                      <Text size="xs" c="red.9" dir="auto">
                        {document.failureReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatInteger(document.passageCount, language)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{updated.gregorian}</Text>
                    <Text size="xs" c="dimmed">
                      {updated.hijri}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => setViewing(document)}
                        disabled={document.status !== 'ready'}
                      >
                        {t('knowledge.view')}
                      </Button>
                      {canManage && document.source === 'article' && (
                        <Button size="compact-xs" variant="default" onClick={() => void openArticle(document)}>
                          {t('knowledge.articleEdit')}
                        </Button>
                      )}
                      {canManage && document.status === 'failed' && (
                        <Button size="compact-xs" variant="default" onClick={() => reread.mutate(document.id)}>
                          {t('knowledge.reread')}
                        </Button>
                      )}
                      {canManage && (
                        <Button size="compact-xs" variant="outline" color="red.9" onClick={() => setDeleting(document)}>
                          {t('knowledge.delete')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <UploadModal opened={uploading} onClose={() => setUploading(false)} />
      {editing !== null && <ArticleModal article={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />}
      <PassagesDrawer document={viewing} onClose={() => setViewing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('knowledge.deleteTitle', { title: deleting?.title ?? '' })}
        body={t('knowledge.deleteBody')}
        confirmLabel={t('knowledge.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
