import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CannedRepliesService } from './canned-replies/canned-replies.service';
import { CannedReply } from './entities/canned-reply.entity';
import { KnowledgeDocumentFile } from './entities/knowledge-document-file.entity';
import { KnowledgeDocument } from './entities/knowledge-document.entity';
import { KnowledgePassage } from './entities/knowledge-passage.entity';
import { KnowledgeDocumentsService } from './knowledge-documents.service';
import { KnowledgeSearchService } from './knowledge-search.service';

// The officer's tools (الأدوات): the knowledge base (documents, their passages, search) and canned replies.
@Module({
  imports: [TypeOrmModule.forFeature([KnowledgeDocument, KnowledgeDocumentFile, KnowledgePassage, CannedReply])],
  providers: [KnowledgeDocumentsService, KnowledgeSearchService, CannedRepliesService],
  exports: [KnowledgeDocumentsService, KnowledgeSearchService, CannedRepliesService],
})
export class KnowledgeModule {}
