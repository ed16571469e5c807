import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxSummary } from '../api/api-client';
import { WhatsAppPairingPanel } from './whatsapp-pairing-panel';

// On the row of an inbox whose definition is a live session (WhatsApp through a paired phone): its state and, while
// pairing, the QR code.
export function WhatsAppPairingButton({ inbox }: { inbox: InboxSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpen(true)}>
        {t('admin.pairing.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('admin.pairing.title', { name: inbox.name })}
        closeButtonProps={{ 'aria-label': t('admin.close') }}
        size="md"
        centered
      >
        {open && <WhatsAppPairingPanel inboxId={inbox.id} />}
      </Modal>
    </>
  );
}
