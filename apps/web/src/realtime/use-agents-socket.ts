import { AGENTS_NAMESPACE, RealtimeEvent } from '@app/wire';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import i18next from 'i18next';
import { api, type Conversation, type Message } from '../api/api-client';
import { announceNewMessage } from '../notifications/new-message.notifier';
import { KnownConversation, shouldNotify } from '../notifications/notification-decision.util';
import { notificationsEnabled } from '../notifications/notification-settings';
import { conversationIdOf, navigate } from '../routing/use-location';
import { currentSession, setSession } from '../session/session-store';
import { upsertMessage } from './message-cache.util';

const REQUEST_EVENTS = [RealtimeEvent.RequestCreated, RealtimeEvent.RequestUpdated, RealtimeEvent.RequestDeadlineNear];

// A burst of messages refetches the list once a second, not once per message: the open conversation is patched
// from the event at once, and the list's order and counts can follow a moment later.
const LIST_REFRESH_DELAY_MILLISECONDS = 1000;
// The conversations whose latest state the socket brought: enough to tell whose a new message is.
const KNOWN_CONVERSATIONS_KEPT = 500;

function listRefresher(queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      void queryClient.invalidateQueries({ queryKey: ['unread'] });
      void queryClient.invalidateQueries({ queryKey: ['supervisor-overview'] });
    }, LIST_REFRESH_DELAY_MILLISECONDS);
  };
}

// Events and calls of a conversation that is being written to are read again once a second at most, not once per
// message (each read is a query and an audit row on the server).
function conversationRefresher(queryClient: QueryClient): (conversationId: string) => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return (conversationId) => {
    if (timers.has(conversationId)) return;
    timers.set(
      conversationId,
      setTimeout(() => {
        timers.delete(conversationId);
        void queryClient.invalidateQueries({ queryKey: ['events', conversationId] });
        // A call is linked to its conversation by the worker, which then announces the conversation.
        void queryClient.invalidateQueries({ queryKey: ['calls', conversationId] });
      }, LIST_REFRESH_DELAY_MILLISECONDS),
    );
  };
}

function remember(known: Map<string, KnownConversation & { name: string | null }>, conversation: Conversation): void {
  known.delete(conversation.id);
  known.set(conversation.id, {
    assigneeId: conversation.assigneeId,
    name: conversation.contact?.name ?? conversation.contact?.phone ?? null,
  });
  if (known.size > KNOWN_CONVERSATIONS_KEPT) known.delete(known.keys().next().value!);
}

// Live updates for the organisation: the server sends events, the cache is patched or refetched.
// The handshake carries the httpOnly session cookie (same origin), so no token is handed to scripts.
export function useAgentsSocket(userId: string | null): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!userId) return;
    const refreshLists = listRefresher(queryClient);
    const known = new Map<string, KnownConversation & { name: string | null }>();
    const socket = io(AGENTS_NAMESPACE, { transports: ['websocket'], withCredentials: true });
    socket.on('ready', () => {
      setConnected(true);
      // Anything missed while disconnected is read again.
      void queryClient.invalidateQueries();
    });
    socket.on('disconnect', () => setConnected(false));
    const refreshConversation = conversationRefresher(queryClient);
    // The server closed this socket: a logout in another tab, a deactivation or an expiry ends the page's session too
    // (the 401 does, in api-client); a new role keeps it, with the role the server now gives and a new socket.
    socket.on('session.ended', () => {
      void api.GET('/api/v1/auth/me').then(({ data }) => {
        const session = currentSession();
        if (!data || !session) return;
        setSession({ ...session, user: data });
        socket.connect();
      });
    });
    // The payloads are the views of libs/wire, in step with the client's types (agents-events.ts).
    const onConversation = (conversation: Conversation) => {
      remember(known, conversation);
      // The event carries the conversation itself; only a payload without the contact's details keeps the cached ones.
      queryClient.setQueryData<Conversation>(['conversation', conversation.id], (previous) =>
        previous
          ? {
              ...conversation,
              contact: conversation.contact?.name || conversation.contact?.phone ? conversation.contact : previous.contact,
            }
          : previous,
      );
      refreshConversation(conversation.id);
      refreshLists();
    };
    socket.on(RealtimeEvent.ConversationCreated, onConversation);
    socket.on(RealtimeEvent.ConversationUpdated, onConversation);
    const onMessage = (message: Message) => {
      const key = ['messages', message.conversationId];
      // While the conversation's first read is still on its way there is nothing to patch, and that read may have
      // left before this message was stored: it is read again instead.
      if (queryClient.getQueryData(key))
        queryClient.setQueryData<{ items: Message[] }>(key, (messages) => upsertMessage(messages, message));
      else void queryClient.invalidateQueries({ queryKey: key });
      refreshLists();
    };
    socket.on(RealtimeEvent.MessageCreated, (message: Message) => {
      onMessage(message);
      // The worker sends the conversation's event just before its message's, so whose it is is known here.
      const conversation =
        known.get(message.conversationId) ?? queryClient.getQueryData<Conversation>(['conversation', message.conversationId]);
      const context = {
        enabled: notificationsEnabled(),
        userId,
        openConversationId: conversationIdOf(window.location.pathname),
        pageVisible: document.visibilityState === 'visible',
      };
      if (!shouldNotify(message, conversation, context)) return;
      const name = (conversation && 'name' in conversation ? conversation.name : null) ?? i18next.t('inbox.unnamed');
      announceNewMessage({
        title: i18next.t('notifications.newMessage', { name }),
        body: message.text.slice(0, 140),
        onOpen: () => navigate(`/conversations/${message.conversationId}${window.location.search}`),
      });
    });
    socket.on(RealtimeEvent.MessageUpdated, onMessage);
    // Support requests' events name the request only; the queues and the request's page read it again.
    const onRequest = (request: { id: string }) => {
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      void queryClient.invalidateQueries({ queryKey: ['request', request.id] });
      void queryClient.invalidateQueries({ queryKey: ['request-events', request.id] });
    };
    for (const event of REQUEST_EVENTS) socket.on(event, onRequest);
    // A new pairing QR code or a session that needs re-pairing (administrators and supervisors only).
    socket.on(RealtimeEvent.ChannelSessionUpdated, (session: { inboxId: string }) => {
      queryClient.setQueryData(['inbox-session', session.inboxId], session);
      void queryClient.invalidateQueries({ queryKey: ['channel-sessions'] });
    });
    return () => {
      socket.close();
      setConnected(false);
    };
  }, [userId, queryClient]);

  return connected;
}
