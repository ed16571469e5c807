import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  // Why the server refused it, in its words.
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}

// A change with consequences (conversations, sessions) is said in words before it is made.
export function ConfirmModal({ opened, title, body, confirmLabel, danger, busy, error, onConfirm, onClose }: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('admin.close') }} opened={opened} onClose={onClose} title={title} centered>
      {typeof body === 'string' ? (
        <Text size="sm" mb="md">
          {body}
        </Text>
      ) : (
        body
      )}
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('admin.cancel')}
        </Button>
        <Button color={danger ? 'red.8' : undefined} loading={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
