// The keyboard, so an officer can work the inbox without the mouse. Letters, not arrows: arrows scroll.
export type ShortcutAction = 'next' | 'previous' | 'reply' | 'note' | 'resolve' | 'help';

const KEYS: Record<string, ShortcutAction> = { j: 'next', k: 'previous', r: 'reply', n: 'note', e: 'resolve', '?': 'help' };

export const SHORTCUT_KEYS: Array<{ key: string; action: ShortcutAction }> = Object.entries(KEYS).map(([key, action]) => ({ key, action }));

// A shortcut for the open conversation; the sequence makes the same key pressed twice a new command.
export interface PaneCommand {
  action: Extract<ShortcutAction, 'reply' | 'note' | 'resolve'>;
  sequence: number;
}

interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  return Boolean(element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName ?? '')));
}

// Keys typed into a field are text, and combinations belong to the browser.
export function shortcutFor(event: KeyEventLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  return KEYS[event.key] ?? null;
}
