import '../admin/admin-page.css';
import './knowledge.css';
import { Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { CannedRepliesPanel } from './canned-replies-panel';
import { DocumentsPanel } from './documents-panel';

type KnowledgeTab = 'documents' | 'replies';
const PATHS: Record<KnowledgeTab, string> = { documents: '/knowledge', replies: '/knowledge/replies' };

// The officer's tools (الأدوات): the association's documents and canned replies. Administrators manage them; every
// other member of staff browses and searches.
export function KnowledgePage({ session, live }: { session: Session; live: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const canManage = session.user.role === 'admin';
  const current: KnowledgeTab = pathname === PATHS.replies ? 'replies' : 'documents';
  return (
    <div className="app-layout">
      <AppHeader session={session} live={live} />
      <main className="admin-page">
        <Title order={1} size="h3">
          {t('knowledge.title')}
        </Title>
        <Tabs value={current} onChange={(value) => value && navigate(PATHS[value as KnowledgeTab])} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="documents">{t('knowledge.tabs.documents')}</Tabs.Tab>
            <Tabs.Tab value="replies">{t('knowledge.tabs.replies')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="documents">
            <DocumentsPanel canManage={canManage} />
          </Tabs.Panel>
          <Tabs.Panel value="replies">
            <CannedRepliesPanel canManage={canManage} />
          </Tabs.Panel>
        </Tabs>
      </main>
    </div>
  );
}

// React.lazy wants a default export: the pages load only when opened, outside the initial bundle.
export default KnowledgePage;
