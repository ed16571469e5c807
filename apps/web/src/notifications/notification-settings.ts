import { useSyncExternalStore } from 'react';

// Notifications are off until the officer switches them on (the browser asks for permission only after that
// click); the choice is kept per browser, since permission is too.
const NOTIFICATIONS_KEY = 'wasl.notifications';
const listeners = new Set<() => void>();

export function notificationsEnabled(): boolean {
  return localStorage.getItem(NOTIFICATIONS_KEY) === 'on';
}

export function setNotificationsEnabled(enabled: boolean): void {
  if (enabled) localStorage.setItem(NOTIFICATIONS_KEY, 'on');
  else localStorage.removeItem(NOTIFICATIONS_KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotificationsEnabled(): boolean {
  return useSyncExternalStore(subscribe, notificationsEnabled);
}

// Called from the toggle's click, so the browser's permission prompt is a direct answer to the officer's action.
export async function enableNotifications(): Promise<'granted' | 'denied' | 'unsupported'> {
  if (!('Notification' in window)) {
    // The sound still plays where the browser has no notifications.
    setNotificationsEnabled(true);
    return 'unsupported';
  }
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  setNotificationsEnabled(true);
  return permission === 'granted' ? 'granted' : 'denied';
}
