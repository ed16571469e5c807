// The embeddable widget. This function runs in the visitor's browser: the gateway serves its source text
// (Function.prototype.toString) after the socket.io client, so it must not use anything outside its own body.
// Plain DOM, no framework; everything lives in an open shadow root so the host page's CSS cannot break it.
// Only types come from the wire library (erased at compile time); event names are written out as their values.
import type {
  WebChatEventName,
  WebChatMessagePayload,
  WebChatRefusalPayload,
  WebChatSessionPayload,
  WebChatStatusPayload,
  WebChatTypingPayload,
  WebChatVerificationRequested,
} from '@app/wire';

export interface WidgetSocket {
  auth: Record<string, unknown>;
  connected: boolean;
  on(event: WebChatEventName | 'connect_error' | 'disconnect', listener: (...payload: never[]) => void): void;
  emit(event: WebChatEventName, ...payload: unknown[]): void;
  connect(): void;
  timeout(milliseconds: number): {
    emit(event: WebChatEventName, payload: unknown, ack: (error: Error | null, answer: never) => void): void;
  };
}
export type WidgetIo = (url: string, options: Record<string, unknown>) => WidgetSocket;

export function runWebChatWidget(io: WidgetIo, script: HTMLScriptElement | null): void {
  if (!script) return;
  const inboxId = script.dataset.inbox ?? '';
  const locale = script.dataset.locale === 'en' ? 'en' : 'ar';
  const base = new URL(script.src).origin;
  const identifier = script.dataset.identifier;
  const identifierHash = script.dataset.identifierHash;
  const storageKey = `wasl-webchat:${inboxId}`;
  const maxAttachmentBytes = 5 * 1024 * 1024;

  const strings = {
    ar: {
      open: 'راسلنا',
      close: 'إغلاق المحادثة',
      team: 'فريق علاقات المستفيدين',
      intro: 'مرحبًا بك! عرّفنا بنفسك لنخدمك بشكل أفضل.',
      name: 'الاسم',
      phone: 'رقم الجوال',
      email: 'البريد الإلكتروني',
      optional: '(اختياري)',
      start: 'ابدأ المحادثة',
      placeholder: 'اكتب رسالتك…',
      message: 'رسالتك',
      send: 'إرسال',
      attach: 'إرفاق صورة أو ملف PDF',
      typing: 'موظف علاقات المستفيدين يكتب…',
      you: 'أنت',
      officer: 'موظف علاقات المستفيدين',
      sent: 'أُرسلت',
      read: 'قُرئت',
      connecting: 'جارٍ الاتصال…',
      refused: 'لا يمكن فتح المحادثة من هذا الموقع.',
      required: 'هذا الحقل مطلوب',
      invalid: { name: 'الاسم غير صحيح', phone: 'رقم الجوال غير صحيح', email: 'البريد الإلكتروني غير صحيح' } as Record<string, string>,
      tooLarge: 'حجم الملف أكبر من 5 ميغابايت',
      badType: 'يُقبل فقط الصور (PNG أو JPEG) وملفات PDF',
      failed: 'تعذّر إرسال الرسالة، حاول مرة أخرى',
      attachment: 'مرفق',
      verifyPrompt: 'أكِّد رقم جوالك لتُربط محادثتك بملفك لدى الجمعية.',
      supportRequest: 'تقديم طلب دعم',
      sendCode: 'أرسل رمز التحقق',
      resendCode: 'أعد إرسال الرمز',
      code: 'رمز التحقق',
      confirm: 'تأكيد',
      codeSent: 'أرسلنا رمز التحقق برسالة نصية إلى',
      codeInvalid: 'الرمز غير صحيح أو انتهت صلاحيته',
      verified: 'تم التحقق من رقم جوالك.',
      noPhone: 'أدخل رقم جوالك في بداية المحادثة أولًا',
    },
    en: {
      open: 'Chat with us',
      close: 'Close the chat',
      team: 'Beneficiary relations team',
      intro: 'Welcome! Tell us who you are so we can help you better.',
      name: 'Name',
      phone: 'Mobile number',
      email: 'E-mail',
      optional: '(optional)',
      start: 'Start the chat',
      placeholder: 'Write your message…',
      message: 'Your message',
      send: 'Send',
      attach: 'Attach an image or PDF',
      typing: 'An officer is typing…',
      you: 'You',
      officer: 'Beneficiary relations officer',
      sent: 'Sent',
      read: 'Read',
      connecting: 'Connecting…',
      refused: 'The chat cannot be opened from this site.',
      required: 'This field is required',
      invalid: { name: 'The name is not valid', phone: 'The mobile number is not valid', email: 'The e-mail is not valid' } as Record<
        string,
        string
      >,
      tooLarge: 'The file is larger than 5 MB',
      badType: 'Only PNG or JPEG images and PDF files are accepted',
      failed: 'The message could not be sent; try again',
      attachment: 'Attachment',
      verifyPrompt: 'Confirm your mobile number to link this chat to your file at the association.',
      supportRequest: 'Apply for support',
      sendCode: 'Send a verification code',
      resendCode: 'Send the code again',
      code: 'Verification code',
      confirm: 'Confirm',
      codeSent: 'We sent a verification code by SMS to',
      codeInvalid: 'The code is wrong or has expired',
      verified: 'Your mobile number is confirmed.',
      noPhone: 'Give your mobile number when starting the chat first',
    },
  }[locale];

  type Rule = 'required' | 'optional' | 'hidden';
  type ChatMessage = WebChatMessagePayload;
  type Refusal = WebChatRefusalPayload;

  const host = document.createElement('div');
  host.id = 'wasl-webchat';
  const root = host.attachShadow({ mode: 'open' });
  const side = locale === 'ar' ? 'left' : 'right';
  root.innerHTML = `
<style>
  :host { all: initial; }
  [hidden] { display: none !important; }
  .chat { display: contents; }
  * { box-sizing: border-box; font-family: system-ui, "Segoe UI", Tahoma, "Noto Naskh Arabic", sans-serif; }
  .launcher { position: fixed; bottom: 20px; ${side}: 20px; z-index: 2147483000; border: 0; border-radius: 28px; padding: 14px 22px;
    background: #0f766e; color: #fff; font-size: 16px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
  .launcher:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .panel { position: fixed; bottom: 84px; ${side}: 20px; z-index: 2147483001; width: 370px; max-width: calc(100vw - 24px);
    height: 560px; max-height: calc(100vh - 104px); display: flex; flex-direction: column; background: #fff; color: #111827;
    border-radius: 14px; overflow: hidden; box-shadow: 0 10px 30px rgba(0,0,0,.3); }
  header { background: #0f766e; color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
  header h2 { margin: 0; font-size: 16px; flex: 1; }
  header p { margin: 2px 0 0; font-size: 12px; opacity: .85; }
  header a.request-link { color: #fff; font-size: 13px; display: inline-block; margin-top: 4px; }
  .close { background: transparent; border: 0; color: #fff; font-size: 22px; cursor: pointer; line-height: 1; padding: 4px 8px; }
  form.prechat { padding: 16px; display: flex; flex-direction: column; gap: 10px; overflow-y: auto; }
  label { font-size: 14px; display: flex; flex-direction: column; gap: 4px; }
  input, textarea { font-size: 16px; padding: 9px 10px; border: 1px solid #9ca3af; border-radius: 8px; width: 100%; }
  .error { color: #b91c1c; font-size: 13px; min-height: 1em; }
  .primary { background: #0f766e; color: #fff; border: 0; border-radius: 8px; padding: 10px 14px; font-size: 15px; cursor: pointer; }
  .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f3f4f6; }
  .bubble { max-width: 82%; padding: 8px 11px; border-radius: 12px; font-size: 15px; line-height: 1.5; white-space: pre-wrap; word-wrap: break-word; }
  .visitor { align-self: flex-start; background: #ccfbf1; }
  .agent { align-self: flex-end; background: #fff; border: 1px solid #e5e7eb; }
  .meta { display: block; font-size: 11px; color: #4b5563; margin-top: 3px; }
  .ticks.read { color: #2563eb; }
  .bubble img { max-width: 100%; border-radius: 8px; display: block; margin-top: 4px; }
  .bubble a { color: #0f766e; }
  .typing { font-size: 12px; color: #4b5563; padding: 2px 14px; min-height: 18px; background: #f3f4f6; }
  form.composer { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #e5e7eb; align-items: flex-end; }
  form.composer textarea { resize: none; height: 42px; }
  .icon { background: #e5e7eb; color: #111827; border: 0; border-radius: 8px; padding: 11px; cursor: pointer; line-height: 0; }
  .status { font-size: 12px; color: #b91c1c; padding: 0 12px; }
  .verify { padding: 8px 12px; background: #fef3c7; font-size: 13px; display: flex; flex-direction: column; gap: 6px; }
  .verify p { margin: 0; }
  .verify form { display: flex; gap: 6px; }
  .verify input { font-size: 15px; padding: 6px 8px; letter-spacing: .2em; direction: ltr; text-align: center; }
  .verify .secondary { background: #fff; color: #0f766e; border: 1px solid #0f766e; border-radius: 8px; padding: 6px 10px; cursor: pointer; }
  @media (max-width: 480px) {
    .panel { inset: 0; width: 100vw; max-width: 100vw; height: 100%; max-height: 100%; border-radius: 0; }
  }
</style>
<button class="launcher" type="button" aria-haspopup="dialog" aria-expanded="false"></button>
<section class="panel" role="dialog" aria-modal="false" hidden>
  <header><div style="flex:1"><h2></h2><p class="team"></p><a class="request-link" target="_blank" rel="noopener" hidden></a></div><button class="close" type="button">×</button></header>
  <form class="prechat" novalidate hidden></form>
  <div class="chat" hidden>
    <div class="verify" hidden>
      <p class="verify-text"></p>
      <button class="secondary request-code" type="button"></button>
      <form class="code-form" hidden><input class="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"><button class="primary" type="submit"></button></form>
    </div>
    <div class="log" role="log" aria-live="polite"></div>
    <div class="typing" aria-live="polite"></div>
    <div class="status" role="status"></div>
    <form class="composer">
      <button class="icon attach" type="button"><svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 11.5l-8.6 8.6a5.5 5.5 0 01-7.8-7.8l8.6-8.6a3.7 3.7 0 015.2 5.2l-8.6 8.6a1.8 1.8 0 01-2.6-2.6l7.9-7.9"/></svg></button>
      <input class="file" type="file" accept="image/png,image/jpeg,application/pdf" hidden>
      <textarea class="input" rows="1"></textarea>
      <button class="primary send" type="submit"></button>
    </form>
  </div>
</section>`;
  root.host.setAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  root.host.setAttribute('lang', locale);
  const pick = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const launcher = pick<HTMLButtonElement>('.launcher');
  const panel = pick<HTMLElement>('.panel');
  const title = pick<HTMLHeadingElement>('h2');
  const closeButton = pick<HTMLButtonElement>('.close');
  const prechat = pick<HTMLFormElement>('form.prechat');
  const chat = pick<HTMLDivElement>('.chat');
  const log = pick<HTMLDivElement>('.log');
  const typingLine = pick<HTMLDivElement>('.typing');
  const statusLine = pick<HTMLDivElement>('.status');
  const composer = pick<HTMLFormElement>('form.composer');
  const input = pick<HTMLTextAreaElement>('.input');
  const attachButton = pick<HTMLButtonElement>('.attach');
  const fileInput = pick<HTMLInputElement>('.file');
  const sendButton = pick<HTMLButtonElement>('.send');
  const verifyBar = pick<HTMLDivElement>('.verify');
  const verifyText = pick<HTMLParagraphElement>('.verify-text');
  const requestCodeButton = pick<HTMLButtonElement>('.request-code');
  const codeForm = pick<HTMLFormElement>('.code-form');
  const codeInput = pick<HTMLInputElement>('.code');
  launcher.textContent = strings.open;
  closeButton.setAttribute('aria-label', strings.close);
  pick<HTMLParagraphElement>('.team').textContent = strings.team;
  panel.setAttribute('aria-label', strings.open);
  input.placeholder = strings.placeholder;
  input.setAttribute('aria-label', strings.message);
  attachButton.setAttribute('aria-label', strings.attach);
  attachButton.title = strings.attach;
  sendButton.textContent = strings.send;
  title.textContent = strings.open;
  verifyText.textContent = strings.verifyPrompt;
  requestCodeButton.textContent = strings.sendCode;
  codeInput.setAttribute('aria-label', strings.code);
  (codeForm.querySelector('button') as HTMLButtonElement).textContent = strings.confirm;

  let socket: WidgetSocket | undefined;
  let preChatRules: Record<string, Rule> = { name: 'required', phone: 'required', email: 'optional' };
  const shown = new Map<string, HTMLElement>();
  const unread = new Set<string>();
  let typingTimer: number | undefined;
  let lastTypingSentAt = 0;
  // Set by the inbox's configuration: the visitor may prove their mobile number with a code sent by SMS.
  let phoneVerification = false;
  // The association's own welcome line (settings.greeting), shown above the conversation; it is not a message.
  let greeting: string | undefined;
  // After verification the history is the verified person's, so the log is drawn again from it.
  let redrawOnNextSession = false;
  const verifiedKey = `${storageKey}:verified`;
  // The pre-chat answers wait in this browser until the first message makes the visitor's contact, so a reload in
  // between does not lose them (the server stores nothing before that message).
  const profileKey = `${storageKey}:profile`;
  function storedProfile(): Record<string, string> | undefined {
    try {
      const value = localStorage.getItem(profileKey);
      return value ? (JSON.parse(value) as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  }
  function storeProfile(profile: Record<string, string> | undefined): void {
    try {
      if (profile) localStorage.setItem(profileKey, JSON.stringify(profile));
      else localStorage.removeItem(profileKey);
    } catch {
      // Without storage a reload before the first message simply starts without the answers.
    }
  }

  function storedToken(): string | undefined {
    try {
      return localStorage.getItem(storageKey) ?? undefined;
    } catch {
      return undefined;
    }
  }
  function storedVerified(): boolean {
    try {
      return localStorage.getItem(verifiedKey) === '1';
    } catch {
      return false;
    }
  }
  function storeToken(token: string | undefined): void {
    try {
      if (token) localStorage.setItem(storageKey, token);
      else localStorage.removeItem(storageKey);
    } catch {
      // Private browsing without storage: the chat works for this page view only.
    }
  }

  function setOpen(open: boolean): void {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      (prechat.hidden ? input : ((prechat.querySelector('input') as HTMLInputElement | null) ?? input)).focus();
      markRead();
    } else launcher.focus();
  }
  launcher.addEventListener('click', () => setOpen(panel.hidden));
  closeButton.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });

  function showChat(): void {
    const hadFocus = prechat.contains(root.activeElement);
    prechat.hidden = true;
    chat.hidden = false;
    if (hadFocus) input.focus();
  }
  function showPreChat(): void {
    chat.hidden = true;
    prechat.hidden = false;
    prechat.innerHTML = '';
    const intro = document.createElement('p');
    intro.textContent = greeting ?? strings.intro;
    intro.dir = 'auto';
    intro.style.margin = '0';
    prechat.append(intro);
    for (const field of ['name', 'phone', 'email'] as const) {
      if (preChatRules[field] === 'hidden') continue;
      const label = document.createElement('label');
      const caption = document.createElement('span');
      caption.textContent = preChatRules[field] === 'optional' ? `${strings[field]} ${strings.optional}` : strings[field];
      const control = document.createElement('input');
      control.name = field;
      control.type = field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text';
      control.autocomplete = field === 'phone' ? 'tel' : field;
      if (field === 'phone') control.inputMode = 'tel';
      control.required = preChatRules[field] === 'required';
      const error = document.createElement('span');
      error.className = 'error';
      error.dataset.field = field;
      error.id = `wasl-webchat-${field}-error`;
      error.setAttribute('aria-live', 'polite');
      control.setAttribute('aria-describedby', error.id);
      label.append(caption, control, error);
      prechat.append(label);
    }
    const start = document.createElement('button');
    start.type = 'submit';
    start.className = 'primary';
    start.textContent = strings.start;
    prechat.append(start);
  }
  prechat.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(prechat);
    const profile: Record<string, string> = {};
    let valid = true;
    for (const field of ['name', 'phone', 'email']) {
      const value = String(data.get(field) ?? '').trim();
      const error = prechat.querySelector(`[data-field="${field}"]`);
      if (error) error.textContent = '';
      if (preChatRules[field] === 'required' && !value && error) {
        error.textContent = strings.required;
        valid = false;
      }
      if (value) profile[field] = value;
    }
    if (valid) {
      storeProfile(profile);
      connect({ profile });
    }
  });

  function time(iso: string): string {
    return new Date(iso).toLocaleTimeString(locale === 'ar' ? 'ar-SA' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  }
  // The full date on hover, in the Umm al-Qura (Hijri) calendar and in the Gregorian one.
  function fullDate(iso: string): string {
    const date = new Date(iso);
    const options = { dateStyle: 'full', timeStyle: 'short' } as const;
    const language = locale === 'ar' ? 'ar-SA' : 'en-GB';
    return `${date.toLocaleString(`${language}-u-ca-islamic-umalqura`, options)} — ${date.toLocaleString(`${language}-u-ca-gregory`, options)}`;
  }
  function setTicks(element: HTMLElement, status: string | undefined): void {
    const ticks = element.querySelector('.ticks');
    if (!ticks) return;
    const read = status === 'read';
    ticks.textContent = read ? '✓✓' : '✓';
    ticks.className = read ? 'ticks read' : 'ticks';
    ticks.setAttribute('aria-label', read ? strings.read : strings.sent);
  }
  // Attachment links expire within minutes: an old one is exchanged for a fresh one from the history, then opened.
  function openFreshLink(event: MouseEvent, link: HTMLAnchorElement, bubble: HTMLElement, position: number): void {
    const expires = Number(new URL(link.href).searchParams.get('expires'));
    if (!socket || !expires || expires > Date.now() + 5_000) return;
    event.preventDefault();
    socket.timeout(8_000).emit('history', undefined, (error: Error | null, messages: ChatMessage[]) => {
      const found = !error && Array.isArray(messages) ? messages.find((item) => item.id === bubble.dataset.id) : undefined;
      const fresh = found?.attachments?.[position]?.url;
      if (!fresh) {
        statusLine.textContent = strings.failed;
        return;
      }
      link.href = new URL(fresh, base).href;
      link.click();
    });
  }
  function render(message: ChatMessage): void {
    const existing = shown.get(message.id);
    if (existing) {
      setTicks(existing, message.status);
      return;
    }
    const bubble = document.createElement('div');
    bubble.className = `bubble ${message.sender}`;
    bubble.dataset.id = message.id;
    const body = document.createElement('span');
    // Each message takes its own direction: an English reply in the Arabic widget reads left to right.
    body.dir = 'auto';
    body.textContent = message.text;
    bubble.append(body);
    for (const attachment of message.attachments ?? []) {
      if (!attachment.url) continue;
      const url = new URL(attachment.url, base).href;
      if (attachment.contentType?.startsWith('image/')) {
        const image = document.createElement('img');
        image.src = url;
        image.alt = attachment.fileName ?? strings.attachment;
        bubble.append(image);
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = attachment.fileName ?? strings.attachment;
        const position = (message.attachments ?? []).indexOf(attachment);
        link.addEventListener('click', (event) => openFreshLink(event, link, bubble, position));
        bubble.append(document.createElement('br'), link);
      }
    }
    const meta = document.createElement('span');
    meta.className = 'meta';
    const who = message.sender === 'visitor' ? strings.you : (message.agentName ?? strings.officer);
    meta.textContent = `${who} · ${time(message.createdAt)} `;
    meta.title = fullDate(message.createdAt);
    if (message.sender === 'visitor') {
      const ticks = document.createElement('span');
      ticks.className = 'ticks';
      meta.append(ticks);
    }
    bubble.append(meta);
    log.append(bubble);
    shown.set(message.id, bubble);
    setTicks(bubble, message.status);
    log.scrollTop = log.scrollHeight;
    if (message.sender === 'agent' && !message.automatic && message.status !== 'read') {
      unread.add(message.id);
      markRead();
    }
  }
  // Agent replies are "delivered" once on screen here, and "read" once the panel is open on a visible page.
  function markRead(): void {
    if (!socket || unread.size === 0) return;
    const ids = [...unread];
    const visible = !panel.hidden && document.visibilityState === 'visible';
    socket.emit('message:status', { ids, status: visible ? 'read' : 'delivered' });
    if (visible) unread.clear();
  }
  document.addEventListener('visibilitychange', markRead);

  function connect(extra: Record<string, unknown>): void {
    statusLine.textContent = strings.connecting;
    const waiting = storedToken() ? storedProfile() : undefined;
    const auth: Record<string, unknown> = {
      inboxId,
      visitorToken: storedToken(),
      locale,
      ...(waiting ? { profile: waiting } : {}),
      ...extra,
    };
    if (identifier && identifierHash) Object.assign(auth, { identifier, identifierHash });
    const connection = io(`${base}/webchat`, { auth, transports: ['websocket'], forceNew: true });
    socket = connection;
    connection.on('session', (session: WebChatSessionPayload) => {
      storeToken(session.visitorToken);
      if (redrawOnNextSession) {
        redrawOnNextSession = false;
        log.innerHTML = '';
        shown.clear();
      }
      verifyBar.hidden = !phoneVerification || Boolean(identifier) || storedVerified();
      // Reconnections (network change, gateway restart) reuse the token, and the pre-chat answers until they are stored.
      const profile = storedProfile();
      connection.auth = {
        inboxId,
        visitorToken: session.visitorToken,
        locale,
        ...(profile ? { profile } : {}),
        ...(identifier ? { identifier, identifierHash } : {}),
      };
      statusLine.textContent = '';
      showChat();
      connection.timeout(10_000).emit('history', undefined, (error: Error | null, messages: ChatMessage[]) => {
        if (!error && Array.isArray(messages)) messages.forEach(render);
      });
      if (greeting && !log.querySelector('.greeting')) {
        const welcome = document.createElement('div');
        welcome.className = 'bubble agent greeting';
        welcome.dir = 'auto';
        welcome.textContent = greeting;
        log.prepend(welcome);
      }
    });
    // The server lets an inbox's visitors go when its secret is rotated or it is disabled: connecting again tells
    // which (a refused token starts the pre-chat form again).
    connection.on('disconnect', (reason: string) => {
      if (reason === 'io server disconnect') connection.connect();
    });
    connection.on('connect_error', (error: Error & { data?: Refusal }) => {
      const refusal = error.data;
      if (!refusal) return;
      if (refusal.code === 'TOKEN_INVALID') {
        storeToken(undefined);
        showPreChat();
        statusLine.textContent = '';
      } else if (refusal.code === 'PRE_CHAT_INVALID') {
        for (const problem of refusal.fields ?? []) {
          const target = prechat.querySelector(`[data-field="${problem.field}"]`);
          if (target)
            target.textContent = problem.message === 'is required' ? strings.required : (strings.invalid[problem.field] ?? problem.message);
        }
        statusLine.textContent = '';
      } else {
        statusLine.textContent = refusal.code === 'ORIGIN_REFUSED' ? strings.refused : refusal.message;
      }
    });
    connection.on('message:new', (message: ChatMessage) => {
      typingLine.textContent = '';
      render(message);
    });
    connection.on('message:status', (update: WebChatStatusPayload) => {
      const element = shown.get(update.id);
      if (element) setTicks(element, update.status);
    });
    connection.on('typing', (typing: WebChatTypingPayload) => {
      if (typing.sender !== 'agent') return;
      typingLine.textContent = strings.typing;
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => (typingLine.textContent = ''), 4000);
    });
  }

  type Upload = { id: string; url?: string; contentType?: string; fileName?: string };
  function send(text: string, uploads: Upload[] = []): void {
    if (!socket) return;
    const clientMessageId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const attachments = uploads.map((upload) => ({ id: upload.id, fileName: upload.fileName }));
    const draft: ChatMessage = {
      id: `pending-${clientMessageId}`,
      text,
      sender: 'visitor',
      createdAt: new Date().toISOString(),
      attachments: uploads,
    };
    render(draft);
    const pending = shown.get(draft.id) as HTMLElement;
    const attempt = (tries: number) =>
      socket
        ?.timeout(8_000)
        .emit('message:send', { clientMessageId, text, attachments }, (error: Error | null, answer: { id?: string; error?: Refusal }) => {
          // A lost ack is retried with the same clientMessageId: the server stores the message once.
          if (error && tries < 3) return attempt(tries + 1);
          if (error || !answer.id) {
            statusLine.textContent = answer?.error?.message ?? strings.failed;
            return;
          }
          statusLine.textContent = '';
          storeProfile(undefined);
          shown.delete(draft.id);
          if (shown.has(answer.id)) pending.remove();
          else {
            pending.dataset.id = answer.id;
            shown.set(answer.id, pending);
          }
        });
    attempt(1);
  }
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    if (!socket || Date.now() - lastTypingSentAt < 2000) return;
    lastTypingSentAt = Date.now();
    socket.emit('typing', { sender: 'visitor' });
  });
  attachButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > maxAttachmentBytes) {
      statusLine.textContent = strings.tooLarge;
      return;
    }
    fetch(`${base}/webchat/inboxes/${encodeURIComponent(inboxId)}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-wasl-visitor-token': storedToken() ?? '',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
    })
      .then(async (response) => {
        const answer = (await response.json()) as Partial<Upload>;
        if (!response.ok || !answer.id) {
          statusLine.textContent = response.status === 400 ? strings.badType : response.status === 413 ? strings.tooLarge : strings.failed;
          return;
        }
        statusLine.textContent = '';
        send(input.value.trim(), [answer as Upload]);
        input.value = '';
      })
      .catch(() => (statusLine.textContent = strings.failed));
  });

  requestCodeButton.addEventListener('click', () => {
    socket
      ?.timeout(10_000)
      .emit('verification:request', {}, (error: Error | null, answer: Partial<WebChatVerificationRequested> & { error?: Refusal }) => {
        if (error || !answer.sentTo) {
          const missingPhone = answer?.error?.fields?.some((problem) => problem.field === 'phone');
          verifyText.textContent = missingPhone ? strings.noPhone : (answer?.error?.message ?? strings.failed);
          return;
        }
        // A phone number reads left to right inside Arabic text.
        const number = document.createElement('bdi');
        number.dir = 'ltr';
        number.textContent = answer.sentTo;
        requestCodeButton.textContent = strings.resendCode;
        verifyText.replaceChildren(`${strings.codeSent} `, number);
        codeForm.hidden = false;
        codeInput.focus();
      });
  });
  codeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    redrawOnNextSession = true;
    socket
      ?.timeout(10_000)
      .emit('verification:confirm', { code: codeInput.value.trim() }, (error: Error | null, answer: { error?: Refusal }) => {
        if (error || answer.error) {
          redrawOnNextSession = false;
          verifyText.textContent = strings.codeInvalid;
          return;
        }
        try {
          localStorage.setItem(verifiedKey, '1');
        } catch {
          // Without storage the bar simply shows again on the next page view.
        }
        verifyBar.hidden = true;
        statusLine.textContent = '';
        codeInput.value = '';
        codeForm.hidden = true;
        typingLine.textContent = strings.verified;
      });
  });

  fetch(`${base}/webchat/inboxes/${encodeURIComponent(inboxId)}/config`)
    .then(async (response) => {
      if (!response.ok) {
        statusLine.textContent = response.status === 403 ? strings.refused : strings.failed;
        return;
      }
      const config = (await response.json()) as {
        name: string;
        preChat: Record<string, Rule>;
        greeting?: string | null;
        phoneVerification?: boolean;
        supportRequestUrl?: string | null;
      };
      // The association's support-request form, a page of its own (never framed), opened from the chat.
      const requestLink = pick<HTMLAnchorElement>('.request-link');
      if (config.supportRequestUrl) {
        requestLink.href = locale === 'en' ? `${config.supportRequestUrl}?lang=en` : config.supportRequestUrl;
        requestLink.textContent = strings.supportRequest;
        requestLink.hidden = false;
      }
      greeting = config.greeting ?? undefined;
      title.textContent = config.name;
      preChatRules = config.preChat;
      phoneVerification = config.phoneVerification === true;
      if (storedToken() || identifier) connect({});
      else showPreChat();
    })
    .catch(() => (statusLine.textContent = strings.failed));
  document.body.append(host);
}
