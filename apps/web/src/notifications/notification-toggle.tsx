import { ActionIcon, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enableNotifications, setNotificationsEnabled, useNotificationsEnabled } from './notification-settings';

// A bell with a slash when off. Off until clicked: the browser's permission prompt follows the officer's own click,
// never a page load.
export function NotificationToggle() {
  const { t } = useTranslation();
  const enabled = useNotificationsEnabled();
  const [blocked, setBlocked] = useState(false);
  const toggle = async () => {
    if (enabled) {
      setNotificationsEnabled(false);
      return;
    }
    setBlocked((await enableNotifications()) === 'denied');
  };
  const label = enabled ? t('notifications.on') : t('notifications.off');
  return (
    <Tooltip
      label={blocked ? t('notifications.blocked') : enabled ? t('notifications.turnOff') : t('notifications.turnOn')}
      multiline
      w={260}
    >
      <ActionIcon
        variant={enabled ? 'filled' : 'default'}
        size="md"
        aria-label={label}
        aria-pressed={enabled}
        data-testid="notification-toggle"
        onClick={() => void toggle()}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
          {!enabled && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
        </svg>
      </ActionIcon>
    </Tooltip>
  );
}
