import { useSyncExternalStore } from 'react';

// The organisation's choices for showing dates and numbers (GET /api/v1/organisation), read by the formatting
// utilities whenever they are called; the app root re-renders when they change.
export type DigitStyle = 'arabic-indic' | 'latin';

export interface DisplayPreferences {
  timeZone: string;
  digitStyle: DigitStyle;
}

export const DEFAULT_DISPLAY_PREFERENCES: DisplayPreferences = { timeZone: 'Asia/Riyadh', digitStyle: 'arabic-indic' };

const listeners = new Set<() => void>();
let current: DisplayPreferences = DEFAULT_DISPLAY_PREFERENCES;

export function currentDisplayPreferences(): DisplayPreferences {
  return current;
}

export function setDisplayPreferences(preferences: DisplayPreferences): void {
  if (preferences.timeZone === current.timeZone && preferences.digitStyle === current.digitStyle) return;
  current = { timeZone: preferences.timeZone, digitStyle: preferences.digitStyle };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDisplayPreferences(): DisplayPreferences {
  return useSyncExternalStore(subscribe, currentDisplayPreferences);
}
