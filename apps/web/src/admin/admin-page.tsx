import './admin-page.css';
import { Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { AuditLogPanel } from './audit-log-panel';
import { FailedJobsPanel } from './failed-jobs-panel';
import { InboxesPanel } from './inboxes-panel';
import { OrganisationPanel } from './organisation-panel';
import { TeamsPanel } from './teams-panel';
import { UsersPanel } from './users-panel';

type AdminTab = 'inboxes' | 'users' | 'teams' | 'organisation' | 'failed-jobs' | 'audit-log';

// Administrators manage inboxes, users, teams and the organisation, and see failed jobs; supervisors may look at the
// users and the audit log (they answer for their officers' access too).
export function AdminPage({ session, live }: { session: Session; live: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const isAdmin = session.user.role === 'admin';
  const tabs: AdminTab[] = isAdmin ? ['inboxes', 'users', 'teams', 'organisation', 'failed-jobs', 'audit-log'] : ['users', 'audit-log'];
  const current = tabs.find((tab) => pathname === `/admin/${tab}`) ?? tabs[0];
  return (
    <div className="app-layout">
      <AppHeader session={session} live={live} />
      <main className="admin-page">
        <Title order={1} size="h3">
          {t('admin.title')}
        </Title>
        <Tabs value={current} onChange={(value) => value && navigate(`/admin/${value}`)} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab} value={tab}>
                {t(`admin.tabs.${tab.replace('-', '_')}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="inboxes">
            <InboxesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="users">
            <UsersPanel session={session} canManage={isAdmin} />
          </Tabs.Panel>
          <Tabs.Panel value="teams">
            <TeamsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="organisation">
            <OrganisationPanel />
          </Tabs.Panel>
          <Tabs.Panel value="failed-jobs">
            <FailedJobsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="audit-log">
            <AuditLogPanel />
          </Tabs.Panel>
        </Tabs>
      </main>
    </div>
  );
}

// React.lazy wants a default export: the admin pages load only when opened, outside the initial bundle.
export default AdminPage;
