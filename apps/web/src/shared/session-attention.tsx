import { Button, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import { navigate } from '../routing/use-location';
import { Session } from '../session/session-store';

const OVERSEER_ROLES = new Set(['supervisor', 'admin']);

// A paired phone that logged out or lost its connection silently stops the association's WhatsApp: the header says
// so on every page for those who can act (administrators re-pair it; supervisors see it). Kept fresh by the
// channel-session.updated event (use-agents-socket.ts).
export function SessionAttention({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const overseer = OVERSEER_ROLES.has(session.user.role);
  const sessions = useQuery({
    queryKey: ['channel-sessions'],
    queryFn: () => unwrap(api.GET('/api/v1/channel-sessions')),
    enabled: overseer,
  });
  const waiting = (sessions.data ?? []).filter((entry) => entry.needsAttention);
  if (!overseer || waiting.length === 0) return null;
  const names = waiting.map((entry) => entry.inboxName).join(i18n.language === 'ar' ? '، ' : ', ');
  const admin = session.user.role === 'admin';
  const open = (event: MouseEvent) => {
    event.preventDefault();
    navigate('/admin/inboxes');
  };
  return (
    <Tooltip label={`${names} — ${t('sessionAttention.hint')}`} multiline w={300}>
      <Button
        component="a"
        href={admin ? '/admin/inboxes' : undefined}
        onClick={admin ? open : (event: MouseEvent) => event.preventDefault()}
        color="orange"
        variant="light"
        size="compact-sm"
        className="session-attention"
        role={admin ? undefined : 'status'}
        data-testid="session-attention"
        data-inboxes={names}
        aria-label={t('sessionAttention.label', { names })}
      >
        {t('sessionAttention.short')}
      </Button>
    </Tooltip>
  );
}
