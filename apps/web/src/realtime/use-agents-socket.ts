import { AGENTS_NAMESPACE, RealtimeEvent } from '@app/wire';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { api, type Conversation, type Message } from '../api/api-client';
import { currentSession, setSession } from '../session/session-store';
import { upsertMessage } from './message-cache.util';

// A burst of messages refetches the list once, not once per message.
const LIST_REFRESH_DELAY_MILLISECONDS = 250;

function listRefresher(queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      void queryClient.invalidateQueries({ queryKey: ['supervisor-overview'] });
    }, LIST_REFRESH_DELAY_MILLISECONDS);
  };
}

// Live updates for the organisation: the server sends events, the cache is patched or refetched.
// The handshake carries the httpOnly session cookie (same origin), so no token is handed to scripts.
export function useAgentsSocket(userId: string | null): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!userId) return;
    const refreshLists = listRefresher(queryClient);
    const socket = io(AGENTS_NAMESPACE, { transports: ['websocket'], withCredentials: true });
    socket.on('ready', () => {
      setConnected(true);
      // Anything missed while disconnected is read again.
      void queryClient.invalidateQueries();
    });
    socket.on('disconnect', () => setConnected(false));
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
      void queryClient.invalidateQueries({ queryKey: ['conversation', conversation.id] });
      void queryClient.invalidateQueries({ queryKey: ['events', conversation.id] });
      refreshLists();
    };
    socket.on(RealtimeEvent.ConversationCreated, onConversation);
    socket.on(RealtimeEvent.ConversationUpdated, onConversation);
    const onMessage = (message: Message) => {
      queryClient.setQueryData<{ items: Message[] }>(['messages', message.conversationId], (messages) => upsertMessage(messages, message));
      refreshLists();
    };
    socket.on(RealtimeEvent.MessageCreated, onMessage);
    socket.on(RealtimeEvent.MessageUpdated, onMessage);
    return () => {
      socket.close();
      setConnected(false);
    };
  }, [userId, queryClient]);

  return connected;
}
