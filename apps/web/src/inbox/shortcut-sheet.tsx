import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_KEYS } from '../shared/keyboard-shortcut.util';

export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = [
    ...SHORTCUT_KEYS.map(({ key, action }) => ({ keys: [key], label: t(`shortcuts.${action}`) })),
    { keys: ['Ctrl', 'Enter'], label: t('shortcuts.send') },
    { keys: ['Esc'], label: t('shortcuts.leaveField') },
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} closeButtonProps={{ 'aria-label': t('shortcuts.close') }}>
      <Table>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Td dir="ltr" className="shortcut-keys">
                {row.keys.map((key) => (
                  <Kbd key={key}>{key}</Kbd>
                ))}
              </Table.Td>
              <Table.Td>{row.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
