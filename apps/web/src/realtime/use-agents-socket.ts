import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { Conversation, Message } from '../api/api-client';
import { upsertMessage } from './message-cache.util';

// Event names of the gateway's /agents namespace (libs/realtime RealtimeEvent).
const CONVERSATION_CREATED = 'conversation.created';
const CONVERSATION_UPDATED = 'conversation.updated';
const MESSAGE_CREATED = 'message.created';
const MESSAGE_UPDATED = 'message.updated';
const CHANNEL_SESSION_UPDATED = 'channel-session.updated';

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
    const socket = io('/agents', { transports: ['websocket'], withCredentials: true });
    socket.on('ready', () => {
      setConnected(true);
      // Anything missed while disconnected is read again.
      void queryClient.invalidateQueries();
    });
    socket.on('disconnect', () => setConnected(false));
    const onConversation = (conversation: Conversation) => {
      void queryClient.invalidateQueries({ queryKey: ['conversation', conversation.id] });
      void queryClient.invalidateQueries({ queryKey: ['events', conversation.id] });
      refreshLists();
    };
    socket.on(CONVERSATION_CREATED, onConversation);
    socket.on(CONVERSATION_UPDATED, onConversation);
    const onMessage = (message: Message) => {
      queryClient.setQueryData<{ items: Message[] }>(['messages', message.conversationId], (messages) => upsertMessage(messages, message));
      refreshLists();
    };
    socket.on(MESSAGE_CREATED, onMessage);
    socket.on(MESSAGE_UPDATED, onMessage);
    // A new pairing QR code or a session that needs re-pairing (administrators and supervisors only).
    socket.on(CHANNEL_SESSION_UPDATED, (session: { inboxId: string }) =>
      queryClient.setQueryData(['inbox-session', session.inboxId], session),
    );
    return () => {
      socket.close();
      setConnected(false);
    };
  }, [userId, queryClient]);

  return connected;
}
