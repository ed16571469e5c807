import { useSyncExternalStore } from 'react';

// A few routes (/, /conversations/:id, /login) do not need a router library: the History API and one store.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export function useLocation(): { pathname: string; search: string } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const queryStart = current.indexOf('?');
  return queryStart < 0 ? { pathname: current, search: '' } : { pathname: current.slice(0, queryStart), search: current.slice(queryStart) };
}

// /conversations/:id, and /conversations/:id/contact with the beneficiary's panel open.
export function conversationIdOf(pathname: string): string | null {
  return /^\/conversations\/([0-9a-f-]{36})(?:\/contact)?$/i.exec(pathname)?.[1] ?? null;
}

export function contactPanelOpen(pathname: string): boolean {
  return /^\/conversations\/[0-9a-f-]{36}\/contact$/i.test(pathname);
}
