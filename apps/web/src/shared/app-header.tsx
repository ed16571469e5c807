import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { navigate, useLocation } from '../routing/use-location';
import { Session, setSession } from '../session/session-store';
import { NotificationToggle } from '../notifications/notification-toggle';
import { ChangePasswordModal } from '../account/change-password-modal';
import { LanguageSwitch } from './language-switch';
import { SessionAttention } from './session-attention';

// The server clears the session cookies; the page forgets the session even if that request fails.
async function logOut(): Promise<void> {
  await api.DELETE('/api/v1/auth/session').catch(() => undefined);
  setSession(null);
}

const OVERSEER_ROLES = new Set(['supervisor', 'admin']);

function NavigationLink({ to, label, current }: { to: string; label: string; current: boolean }) {
  const follow = (event: MouseEvent) => {
    event.preventDefault();
    navigate(to);
  };
  return (
    <Anchor
      href={to}
      onClick={follow}
      size="sm"
      fw={current ? 600 : 400}
      c={current ? undefined : 'dimmed'}
      aria-current={current ? 'page' : undefined}
    >
      {label}
    </Anchor>
  );
}

interface AppHeaderProps {
  session: Session;
  live: boolean;
  onShowShortcuts?: () => void;
}

export function AppHeader({ session, live, onShowShortcuts }: AppHeaderProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const onOverview = pathname.startsWith('/supervisor');
  const onAdmin = pathname.startsWith('/admin');
  const onKnowledge = pathname.startsWith('/knowledge');
  const onRequests = pathname.startsWith('/requests') || session.user.role === 'committee';
  const onKinds = pathname.startsWith('/kinds');
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <header className="app-header">
      <Group gap="sm" wrap="nowrap">
        <Text fw={600} size="lg">
          {t('app.name')}
        </Text>
        <nav className="app-navigation">
          {session.user.role !== 'committee' && (
            <NavigationLink to="/" label={t('nav.inbox')} current={!onOverview && !onAdmin && !onKnowledge && !onRequests && !onKinds} />
          )}
          <NavigationLink to="/requests" label={t('nav.requests')} current={onRequests} />
          {session.user.role !== 'committee' && (
            <NavigationLink
              to={session.user.role === 'supervisor' ? '/kinds/feedback' : '/kinds/volunteering'}
              label={t('nav.kinds')}
              current={onKinds}
            />
          )}
          <NavigationLink to="/knowledge" label={t('knowledge.nav')} current={onKnowledge} />
          {OVERSEER_ROLES.has(session.user.role) && <NavigationLink to="/supervisor" label={t('nav.overview')} current={onOverview} />}
          {/* Administrators manage; supervisors may look at the users there. */}
          {OVERSEER_ROLES.has(session.user.role) && (
            <NavigationLink
              to={session.user.role === 'admin' ? '/admin/inboxes' : '/admin/users'}
              label={t('admin.nav')}
              current={onAdmin}
            />
          )}
        </nav>
        <Badge color={live ? 'teal' : 'gray'} variant="dot" data-testid="live-status">
          {live ? t('nav.live') : t('nav.offline')}
        </Badge>
        <SessionAttention session={session} />
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" visibleFrom="sm">
          <bdi>{session.user.name}</bdi> · {t(`roles.${session.user.role}`)}
        </Text>
        {onShowShortcuts && (
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onShowShortcuts} visibleFrom="sm">
            {t('shortcuts.open')}
          </Button>
        )}
        <NotificationToggle />
        <LanguageSwitch signedIn />
        {/* Beside the other header buttons only where they fit (a phone keeps the language switch and logout). */}
        <Button variant="subtle" size="compact-sm" color="gray" onClick={() => setChangingPassword(true)} visibleFrom="sm">
          {t('account.password')}
        </Button>
        {changingPassword && <ChangePasswordModal session={session} onClose={() => setChangingPassword(false)} />}
        <Button variant="default" size="compact-sm" onClick={() => void logOut()}>
          {t('nav.logout')}
        </Button>
      </Group>
    </header>
  );
}
