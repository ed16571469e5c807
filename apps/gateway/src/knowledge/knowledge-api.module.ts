import { AuditModule } from '@app/audit';
import { ConversationsModule } from '@app/conversations';
import { KnowledgeModule } from '@app/knowledge';
import { Module } from '@nestjs/common';
import { CannedRepliesController, ConversationCannedRepliesController } from './canned-replies.controller';
import { KnowledgeDocumentsController } from './knowledge-documents.controller';

// The staff routes of the officer's tools: the knowledge base and canned replies.
@Module({
  imports: [KnowledgeModule, ConversationsModule, AuditModule],
  controllers: [KnowledgeDocumentsController, CannedRepliesController, ConversationCannedRepliesController],
})
export class KnowledgeApiModule {}
