import { Alert, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { create as createQrCode } from 'qrcode';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';

const STATE_COLOURS: Record<string, string> = {
  connected: 'teal',
  pairing: 'blue',
  starting: 'gray',
  disconnected: 'orange',
  'logged-out': 'red.9',
};

// The QR code as SVG squares, drawn here: no image URL or inline data, so the page's CSP stays strict.
function QrCode({ text, label }: { text: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
    const squares: string[] = [];
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1)
        if (modules.get(row, column)) squares.push(`M${column + 4} ${row + 4}h1v1h-1z`);
    }
    return { d: squares.join(''), size: modules.size + 8 };
  }, [text]);
  return (
    <svg className="pairing-qr" viewBox={`0 0 ${path.size} ${path.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}

// A paired-phone WhatsApp inbox's session, live: the QR code while pairing, then the paired number and its state.
export function WhatsAppPairingPanel({ inboxId }: { inboxId: string }) {
  const { t } = useTranslation();
  const session = useQuery({
    queryKey: ['inbox-session', inboxId],
    queryFn: () => unwrap(api.GET('/api/v1/inboxes/{id}/session', { params: { path: { id: inboxId } } })),
    // WhatsApp rotates the QR code about every 20 seconds; the realtime event refreshes it at once too.
    refetchInterval: 2_000,
  });
  if (!session.data) return <Loader size="sm" aria-label={t('admin.pairing.waiting')} />;
  const { state, qr, phone, reason } = session.data;
  return (
    <Stack gap="sm" className="pairing-panel" data-testid="pairing-panel" data-state={state}>
      <Group gap="xs">
        <Badge color={STATE_COLOURS[state] ?? 'gray'} variant="light">
          {t(`admin.pairing.states.${state}`, { defaultValue: state })}
        </Badge>
        {phone && (
          <Text size="sm">
            {t('admin.pairing.phone')}: <bdi dir="ltr">{phone}</bdi>
          </Text>
        )}
      </Group>
      {state === 'pairing' && qr && (
        <>
          <Text size="sm">{t('admin.pairing.scan')}</Text>
          <QrCode text={qr} label={t('admin.pairing.qrLabel')} />
        </>
      )}
      {state === 'starting' && <Text size="sm">{t('admin.pairing.waiting')}</Text>}
      {(state === 'disconnected' || state === 'logged-out') && (
        <Alert color="orange" role="status">
          <Text size="sm">{t('admin.pairing.needsAttention')}</Text>
          {reason && (
            <Text size="xs" dir="auto">
              {t('admin.pairing.reason')}: {reason}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
