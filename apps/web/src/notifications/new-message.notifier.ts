import chimeUrl from './new-message.wav';

let chime: HTMLAudioElement | undefined;

// A short chime shipped in the build (no CDN), and a system notification when the browser allows it. Clicking the
// notification brings the tab forward on the conversation.
export function announceNewMessage(options: { title: string; body: string; onOpen: () => void }): void {
  chime ??= new Audio(chimeUrl);
  chime.currentTime = 0;
  // Browsers refuse sound before the page has had a click; the notification still shows.
  void chime.play().catch(() => undefined);
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const notification = new Notification(options.title, {
    body: options.body,
    tag: 'wasl-new-message',
    lang: document.documentElement.lang,
  });
  notification.onclick = () => {
    window.focus();
    options.onOpen();
    notification.close();
  };
}
