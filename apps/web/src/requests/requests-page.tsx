import './requests.css';
import i18next from 'i18next';
import { useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { RequestDetail } from './request-detail';
import { RequestList } from './request-list';
import { requestsRouteOf } from './request-routes.util';
import { RequestTypesAdmin } from './request-types-admin';
import { requestsAr } from './requests-ar.catalogue';
import { requestsEn } from './requests-en.catalogue';

// The requests pages' words come with their chunk, so officers who never open them do not download them.
i18next.addResourceBundle('ar', 'translation', { requests: requestsAr }, true, true);
i18next.addResourceBundle('en', 'translation', { requests: requestsEn }, true, true);

// Support requests (طلب دعم مستفيد): the queues, one request's page, and for administrators the types and settings.
export function RequestsPage({ session, live }: { session: Session; live: boolean }) {
  const { pathname, search } = useLocation();
  const route = requestsRouteOf(pathname, search);
  return (
    <div className="app-layout">
      <AppHeader session={session} live={live} />
      <main className="requests-page">
        {route.page === 'list' && <RequestList session={session} view={route.view} q={route.q} />}
        {route.page === 'request' && <RequestDetail key={route.id} session={session} requestId={route.id} />}
        {route.page === 'types' && <RequestTypesAdmin session={session} />}
      </main>
    </div>
  );
}

// React.lazy wants a default export: the requests pages load only when opened, outside the initial bundle.
export default RequestsPage;
