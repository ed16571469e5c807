import { ApiErrorCode, ApiException, normaliseText } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, UserRole } from '@app/identity';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JobName, JobOf, JobQueue, JobStatus } from '@app/queue';
import { randomUUID } from 'node:crypto';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { ExtractionStatus, KnowledgeDocument, KnowledgeKind, KnowledgeSource } from './entities/knowledge-document.entity';
import { KnowledgeDocumentFile } from './entities/knowledge-document-file.entity';
import { KnowledgePassage } from './entities/knowledge-passage.entity';
import { DocumentFormat } from './extraction/document-format';
import { detectDocumentFormat, DOCX_CONTENT_TYPE } from './extraction/document-format.util';
import { extractDocumentText } from './extraction/document-text.extractor';
import { DocumentUnreadableError } from './extraction/extraction-thread';
import { EXTRACTION_LIMITS, MAX_UPLOAD_BYTES } from './knowledge-limits.constant';
import { CreateKnowledgeArticleDto, UpdateKnowledgeDocumentDto } from './knowledge.dto';
import { splitIntoPassages } from './passages/passage-splitter.util';

export interface KnowledgeDocumentView {
  id: string;
  title: string;
  kind: KnowledgeKind;
  source: KnowledgeSource;
  format: string;
  fileName: string | null;
  sizeBytes: number;
  // Empty: every member of staff.
  readerRoles: UserRole[];
  status: ExtractionStatus;
  failureReason: string | null;
  passageCount: number;
  pageCount: number | null;
  extractedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface KnowledgePassageView {
  id: string;
  position: number;
  heading: string | null;
  page: number | null;
  text: string;
}

export interface KnowledgeUpload {
  title: string;
  kind: KnowledgeKind;
  readerRoles?: UserRole[];
  fileName: string | undefined;
  content: Buffer;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  [DocumentFormat.Pdf]: 'application/pdf',
  [DocumentFormat.Docx]: DOCX_CONTENT_TYPE,
  [DocumentFormat.Markdown]: 'text/markdown; charset=utf-8',
  [DocumentFormat.Text]: 'text/plain; charset=utf-8',
};
// PostgreSQL takes at most 65,535 parameters a statement; 200 passages of seven columns stay well below.
const INSERT_BATCH = 200;

function storedRoles(roles: UserRole[] | null | undefined): string | null {
  const unique = [...new Set(roles ?? [])];
  return unique.length > 0 ? `,${unique.join(',')},` : null;
}

function rolesOf(stored: string | null): UserRole[] {
  return stored ? (stored.split(',').filter(Boolean) as UserRole[]) : [];
}

export function toKnowledgeDocumentView(document: KnowledgeDocument): KnowledgeDocumentView {
  const {
    organisationId: _organisation,
    body: _body,
    revision: _revision,
    createdByUserId: _creator,
    updatedByUserId: _updater,
    ...rest
  } = document;
  return { ...rest, readerRoles: rolesOf(document.readerRoles) };
}

// Documents a user may read: administrators all of their organisation's, others those open to all staff or to
// their role. Another organisation's document, or one not open to the role, is simply not found.
export function whereReadableBy<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  user: AuthenticatedUser,
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.organisationId = :organisationId`, { organisationId: user.organisationId });
  if (user.role === UserRole.Admin) return query;
  return query.andWhere(
    new Brackets((readers) =>
      readers.where(`${alias}.readerRoles IS NULL`).orWhere(`${alias}.readerRoles LIKE :readerRole`, { readerRole: `%,${user.role},%` }),
    ),
  );
}

// The knowledge base's documents: uploads and articles, read into passages by the worker.
@Injectable()
export class KnowledgeDocumentsService {
  private readonly logger = new Logger(KnowledgeDocumentsService.name);

  constructor(
    @InjectRepository(KnowledgeDocument) private readonly documents: Repository<KnowledgeDocument>,
    @InjectRepository(KnowledgeDocumentFile) private readonly files: Repository<KnowledgeDocumentFile>,
    @InjectRepository(KnowledgePassage) private readonly passages: Repository<KnowledgePassage>,
    private readonly jobs: JobQueue,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(user: AuthenticatedUser): Promise<KnowledgeDocumentView[]> {
    const query = whereReadableBy(this.documents.createQueryBuilder('document'), 'document', user);
    const documents = await query.orderBy('document.kind', 'ASC').addOrderBy('document.title', 'ASC').getMany();
    return documents.map(toKnowledgeDocumentView);
  }

  async get(user: AuthenticatedUser, id: string): Promise<KnowledgeDocumentView & { body: string | null }> {
    const document = await this.require(user, id);
    return { ...toKnowledgeDocumentView(document), body: document.body };
  }

  async listPassages(user: AuthenticatedUser, id: string): Promise<{ items: KnowledgePassageView[] }> {
    await this.require(user, id);
    const passages = await this.passages.find({
      where: { organisationId: user.organisationId, documentId: id },
      order: { position: 'ASC' },
      select: { id: true, position: true, heading: true, page: true, text: true },
    });
    return {
      items: passages.map(({ id: passageId, position, heading, page, text }) => ({ id: passageId, position, heading, page, text })),
    };
  }

  async file(user: AuthenticatedUser, id: string): Promise<{ content: Buffer; contentType: string; fileName: string }> {
    const document = await this.require(user, id);
    const file =
      document.source === KnowledgeSource.Upload
        ? await this.files.findOneBy({ organisationId: user.organisationId, documentId: id })
        : null;
    if (!file) throw ApiException.notFound('File');
    return { content: file.content, contentType: file.contentType, fileName: document.fileName ?? 'document' };
  }

  async upload(user: AuthenticatedUser, input: KnowledgeUpload): Promise<KnowledgeDocumentView> {
    const fileName = input.fileName?.trim();
    if (!fileName)
      throw ApiException.validation([{ field: 'fileName', message: 'is required (the X-File-Name header), such as اللائحة.pdf' }]);
    if (input.content.length === 0) throw ApiException.validation([{ field: 'file', message: 'is empty' }]);
    if (input.content.length > MAX_UPLOAD_BYTES) throw this.tooLarge();
    const format = detectDocumentFormat(fileName, input.content);
    if (!format) {
      throw ApiException.validation([
        { field: 'file', message: 'must be a PDF, Word (.docx), Markdown (.md) or text (.txt) file whose content matches its name' },
      ]);
    }
    const now = new Date();
    const document = this.documents.create({
      id: randomUUID(),
      organisationId: user.organisationId,
      title: input.title.trim(),
      kind: input.kind,
      source: KnowledgeSource.Upload,
      format,
      fileName: fileName.slice(0, 200),
      sizeBytes: input.content.length,
      body: null,
      readerRoles: storedRoles(input.readerRoles),
      status: ExtractionStatus.Pending,
      failureReason: null,
      passageCount: 0,
      pageCount: null,
      revision: 1,
      createdByUserId: user.id,
      updatedByUserId: user.id,
      extractedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.transactions.run(async (manager) => {
      await manager.insert(KnowledgeDocument, document);
      await manager.insert(KnowledgeDocumentFile, {
        documentId: document.id,
        organisationId: user.organisationId,
        contentType: CONTENT_TYPES[format],
        content: input.content,
      });
    });
    await this.queueExtraction(document);
    return toKnowledgeDocumentView(document);
  }

  async createArticle(user: AuthenticatedUser, input: CreateKnowledgeArticleDto): Promise<KnowledgeDocumentView> {
    const now = new Date();
    const document = this.documents.create({
      id: randomUUID(),
      organisationId: user.organisationId,
      title: input.title.trim(),
      kind: input.kind,
      source: KnowledgeSource.Article,
      format: DocumentFormat.Markdown,
      fileName: null,
      sizeBytes: Buffer.byteLength(input.body),
      body: input.body,
      readerRoles: storedRoles(input.readerRoles),
      status: ExtractionStatus.Pending,
      failureReason: null,
      passageCount: 0,
      pageCount: null,
      revision: 1,
      createdByUserId: user.id,
      updatedByUserId: user.id,
      extractedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.transactions.run((manager) => manager.insert(KnowledgeDocument, document));
    await this.queueExtraction(document);
    return toKnowledgeDocumentView(document);
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateKnowledgeDocumentDto): Promise<KnowledgeDocumentView> {
    const document = await this.require(user, id);
    if (input.body !== undefined && document.source !== KnowledgeSource.Article) {
      throw ApiException.validation([{ field: 'body', message: 'only an article’s text can be edited; upload the file again instead' }]);
    }
    const changes: Partial<KnowledgeDocument> = { updatedByUserId: user.id, updatedAt: new Date() };
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.readerRoles !== undefined) changes.readerRoles = storedRoles(input.readerRoles);
    const rereads = input.body !== undefined && input.body !== document.body;
    if (rereads) {
      Object.assign(changes, {
        body: input.body,
        sizeBytes: Buffer.byteLength(input.body!),
        revision: document.revision + 1,
        status: ExtractionStatus.Pending,
        failureReason: null,
      });
    }
    await this.transactions.run((manager) => manager.update(KnowledgeDocument, { id, organisationId: user.organisationId }, changes));
    const updated = { ...document, ...changes } as KnowledgeDocument;
    if (rereads) await this.queueExtraction(updated);
    return toKnowledgeDocumentView(updated);
  }

  // Reads the document again (after a failure, or with a newer extractor).
  async reread(user: AuthenticatedUser, id: string): Promise<KnowledgeDocumentView> {
    const document = await this.require(user, id);
    const changes = { revision: document.revision + 1, status: ExtractionStatus.Pending, failureReason: null, updatedAt: new Date() };
    await this.transactions.run((manager) => manager.update(KnowledgeDocument, { id, organisationId: user.organisationId }, changes));
    const updated = { ...document, ...changes };
    await this.queueExtraction(updated);
    return toKnowledgeDocumentView(updated);
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.require(user, id);
    await this.transactions.run(async (manager) => {
      const scope = { organisationId: user.organisationId, documentId: id };
      await manager.delete(KnowledgePassage, scope);
      await manager.delete(KnowledgeDocumentFile, scope);
      await manager.delete(KnowledgeDocument, { organisationId: user.organisationId, id });
    });
  }

  // The worker's job: read the revision named, cut it into passages and replace the document's passages with them,
  // unless the document changed (or went) meanwhile.
  async extract(job: JobOf<JobName.ExtractKnowledgeDocument>, lastAttempt: boolean): Promise<JobStatus> {
    const { organisationId, documentId, revision } = job;
    const document = await this.documents.findOneBy({ id: documentId, organisationId });
    if (!document || document.revision !== revision) return JobStatus.Skipped;
    try {
      const content =
        document.source === KnowledgeSource.Article
          ? Buffer.from(document.body ?? '', 'utf8')
          : (await this.files.findOneBy({ organisationId, documentId }))?.content;
      if (!content) return await this.markFailed(document, 'The uploaded file is missing; upload it again');
      const extracted = await extractDocumentText(document.format as DocumentFormat, content, EXTRACTION_LIMITS);
      const drafts = splitIntoPassages(extracted.blocks);
      if (drafts.length === 0) {
        return await this.markFailed(document, 'No text was found in the file (a scanned PDF needs text recognition first)');
      }
      const applied = await this.transactions.run(async (manager) => {
        const claimed = await manager.update(
          KnowledgeDocument,
          { id: documentId, organisationId, revision },
          {
            status: ExtractionStatus.Ready,
            failureReason: null,
            passageCount: drafts.length,
            pageCount: extracted.pageCount,
            extractedAt: new Date(),
          },
        );
        if (!claimed.affected) return false;
        await manager.delete(KnowledgePassage, { organisationId, documentId });
        const rows = drafts.map((draft) => ({ id: randomUUID(), organisationId, documentId, ...draft }));
        for (let start = 0; start < rows.length; start += INSERT_BATCH)
          await manager.insert(KnowledgePassage, rows.slice(start, start + INSERT_BATCH));
        return true;
      });
      return applied ? JobStatus.Applied : JobStatus.Skipped;
    } catch (error) {
      if (error instanceof DocumentUnreadableError) return await this.markFailed(document, error.message);
      // Retried by BullMQ; after the last attempt the document says so rather than staying "pending".
      if (lastAttempt) await this.markFailed(document, 'Reading the document failed; try reading it again');
      throw error;
    }
  }

  private async markFailed(document: KnowledgeDocument, reason: string): Promise<JobStatus> {
    await this.transactions.run((manager) =>
      manager.update(
        KnowledgeDocument,
        { id: document.id, organisationId: document.organisationId, revision: document.revision },
        // A parser's message may quote the file; it is shown to staff as text.
        {
          status: ExtractionStatus.Failed,
          failureReason: normaliseText(reason, { singleLine: true }).slice(0, 300),
          extractedAt: new Date(),
        },
      ),
    );
    return JobStatus.Applied;
  }

  private async queueExtraction(document: KnowledgeDocument): Promise<void> {
    const payload: JobOf<JobName.ExtractKnowledgeDocument> = {
      organisationId: document.organisationId,
      documentId: document.id,
      revision: document.revision,
    };
    // The document is stored either way: while Redis is away it stays pending, and «read again» queues it later.
    await this.jobs
      .enqueue(JobName.ExtractKnowledgeDocument, payload)
      .catch((error: Error) => this.logger.warn(`Could not queue the reading of document ${document.id}: ${error.message}`));
  }

  private tooLarge(): ApiException {
    return new ApiException(ApiErrorCode.PayloadTooLarge, `Files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, [
      { field: 'file', message: `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` },
    ]);
  }

  private async require(user: AuthenticatedUser, id: string): Promise<KnowledgeDocument> {
    const query = whereReadableBy(this.documents.createQueryBuilder('document'), 'document', user).andWhere('document.id = :id', { id });
    const document = await query.getOne();
    if (!document) throw ApiException.notFound('Document');
    return document;
  }
}
