// Entities: for relations in other entities, registration and migrations (libs/database), and tests. Other
// modules ask this library's services (ESLint allows type imports only; see docs/architecture.md, Boundaries).
export * from './entities/attachment-upload.entity';
export * from './entities/call.entity';
export * from './entities/channel-session.entity';
export * from './entities/conversation-event.entity';
export * from './entities/conversation-read.entity';
export * from './entities/conversation.entity';
export * from './entities/inbound-event.entity';
export * from './entities/message.entity';
