import { useSyncExternalStore } from 'react';
import type { components } from '../api/schema';

export type SessionUser = components['schemas']['AuthenticatedUserResponse'];
// The access token lives in an httpOnly cookie the page cannot read; the page keeps who is logged in and the
// CSRF token it repeats on every change, so a reload keeps the officer logged in.
export interface Session {
  user: SessionUser;
  csrfToken: string;
}

const SESSION_KEY = 'wasl.web-session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    const session = raw ? (JSON.parse(raw) as Partial<Session>) : null;
    return session?.user && session.csrfToken ? (session as Session) : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return current;
}

// Why the last session ended, when the login page should say so (the user changed their own password).
export type SessionNotice = 'passwordChanged';
let notice: SessionNotice | null = null;

export function setSessionNotice(value: SessionNotice | null): void {
  notice = value;
  for (const listener of listeners) listener();
}

export function useSessionNotice(): SessionNotice | null {
  return useSyncExternalStore(subscribe, () => notice);
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) notice = null;
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
