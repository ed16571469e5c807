import { createTheme, CSSVariablesResolver, DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from './api/api-client';
import { directionOf, WaslLanguage } from './i18n/i18n';
import { InboxPage } from './inbox/inbox-page';
import { LoginPage } from './login/login-page';
import { useAgentsSocket } from './realtime/use-agents-socket';
import { useLocation } from './routing/use-location';
import { Session, useSession } from './session/session-store';
import { setDisplayPreferences, useDisplayPreferences } from './shared/display-preferences';
import { OverviewPage } from './supervisor/overview-page';

// Only administrators and supervisors open these pages: they load on demand, outside the initial bundle.
const AdminPage = lazy(() => import('./admin/admin-page'));
// The officer's tools: every member of staff opens them now and then, from the header.
const KnowledgePage = lazy(() => import('./knowledge/knowledge-page'));
// Support requests load on first use too.
const RequestsPage = lazy(() => import('./requests/requests-page'));
// Volunteering, suggestions and complaints, internal requests.
const KindsPage = lazy(() => import('./request-kinds/kinds-page'));
const ADMIN_ROLES = new Set(['admin', 'supervisor']);

const theme = createTheme({
  fontFamily: '"IBM Plex Sans Arabic", system-ui, sans-serif',
  headings: { fontFamily: '"IBM Plex Sans Arabic", system-ui, sans-serif' },
  primaryColor: 'teal',
  // The darkest teal keeps white button labels above WCAG AA contrast (4.5:1).
  primaryShade: 9,
  defaultRadius: 'md',
  // Someone who asked their system for less motion gets dialogs without the fade.
  respectReducedMotion: true,
});

// Field errors in the default red (red.6) fall below WCAG AA contrast on white; red.9 keeps them readable.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

// Mantine's components read the direction from its provider; keep it in step with the language.
function DirectionFollowsLanguage() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(i18n.language as WaslLanguage));
  }, [i18n.language, setDirection]);
  return null;
}

// The organisation's time zone and digits, for every date and number the pages show.
function useOrganisationDisplay(): void {
  const organisation = useQuery({ queryKey: ['organisation'], queryFn: () => unwrap(api.GET('/api/v1/organisation')) });
  useEffect(() => {
    if (organisation.data) setDisplayPreferences(organisation.data);
  }, [organisation.data]);
}

function SignedIn({ session }: { session: Session }) {
  const live = useAgentsSocket(session.user.id);
  useOrganisationDisplay();
  // Subscribed here so that a change of time zone or digits re-renders every page below.
  useDisplayPreferences();
  const { pathname } = useLocation();
  if (pathname.startsWith('/admin') && ADMIN_ROLES.has(session.user.role)) {
    return (
      <Suspense fallback={null}>
        <AdminPage session={session} live={live} />
      </Suspense>
    );
  }
  if (pathname.startsWith('/knowledge')) {
    return (
      <Suspense fallback={null}>
        <KnowledgePage session={session} live={live} />
      </Suspense>
    );
  }
  if (pathname.startsWith('/kinds')) {
    return (
      <Suspense fallback={null}>
        <KindsPage session={session} live={live} />
      </Suspense>
    );
  }
  // The committee works support requests only: it opens on them.
  if (pathname.startsWith('/requests') || session.user.role === 'committee') {
    return (
      <Suspense fallback={null}>
        <RequestsPage session={session} live={live} />
      </Suspense>
    );
  }
  return pathname.startsWith('/supervisor') ? <OverviewPage session={session} live={live} /> : <InboxPage session={session} live={live} />;
}

function Pages() {
  const session = useSession();
  return session ? <SignedIn session={session} /> : <LoginPage />;
}

export function App() {
  return (
    <DirectionProvider initialDirection={document.documentElement.dir === 'ltr' ? 'ltr' : 'rtl'} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <DirectionFollowsLanguage />
        <QueryClientProvider client={queryClient}>
          <Pages />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
