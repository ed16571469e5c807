import { shortcutFor } from './keyboard-shortcut.util';

describe(shortcutFor.name, () => {
  const onPage = { ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'DIV' } as unknown as EventTarget };

  it('should map the letters to inbox actions', () => {
    expect(['j', 'k', 'r', 'n', 'e', '?'].map((key) => shortcutFor({ ...onPage, key }))).toEqual([
      'next',
      'previous',
      'reply',
      'note',
      'resolve',
      'help',
    ]);
    expect(shortcutFor({ ...onPage, key: 'x' })).toBeNull();
  });

  it('should leave keys typed into a field or with a modifier alone', () => {
    expect(shortcutFor({ ...onPage, key: 'j', target: { tagName: 'TEXTAREA' } as unknown as EventTarget })).toBeNull();
    expect(shortcutFor({ ...onPage, key: 'e', target: { tagName: 'INPUT' } as unknown as EventTarget })).toBeNull();
    expect(shortcutFor({ ...onPage, key: 'r', ctrlKey: true })).toBeNull();
  });
});
