import { useSyncExternalStore } from 'react';
import type { components } from '../api/schema';

export type SessionUser = components['schemas']['AuthenticatedUserResponse'];
export interface Session {
  accessToken: string;
  user: SessionUser;
}

// This slice keeps the bearer token in localStorage so a reload keeps the officer logged in; the issue's
// target is an httpOnly cookie with CSRF protection, which the browser's scripts cannot read at all.
const SESSION_KEY = 'wasl.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, currentSession);
}
