import { ApiErrorCode, ApiException, FieldProblem } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { CannedReply } from '../entities/canned-reply.entity';
import { CannedReplyValues, RenderedReply, renderCannedReply, ReplyLanguage, templateProblems } from './canned-reply-template.util';
import { CreateCannedReplyDto, UpdateCannedReplyDto } from './canned-reply.dto';

// Saudi associations date their letters in Riyadh's day, whatever the server's clock says.
export const REPLY_TIME_ZONE = 'Asia/Riyadh';
// A picker lists them all; an association keeps tens, not thousands.
const MAX_REPLIES_LISTED = 500;

// What the preview fills in, so an administrator sees a reply as a beneficiary would.
const SAMPLE_VALUES: Record<ReplyLanguage, CannedReplyValues> = {
  ar: {
    'contact.name': 'سارة القحطاني',
    'conversation.number': 128,
    'request.number': 'R-2026-0042',
    'decision.date': new Date('2026-03-01T09:00:00Z'),
    'officer.name': 'نورة العتيبي',
  },
  en: {
    'contact.name': 'Sara Alqahtani',
    'conversation.number': 128,
    'request.number': 'R-2026-0042',
    'decision.date': new Date('2026-03-01T09:00:00Z'),
    'officer.name': 'Noura Alotaibi',
  },
};

export interface CannedReplyView {
  id: string;
  title: string;
  shortcut: string;
  bodyAr: string;
  bodyEn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function toView(reply: CannedReply): CannedReplyView {
  const { id, title, shortcut, bodyAr, bodyEn, createdAt, updatedAt } = reply;
  return { id, title, shortcut, bodyAr, bodyEn, createdAt, updatedAt };
}

function bodyProblems(input: { bodyAr?: string; bodyEn?: string | null }): FieldProblem[] {
  return (['bodyAr', 'bodyEn'] as const).flatMap((field) => {
    const body = input[field];
    return typeof body === 'string' ? templateProblems(body).map((message) => ({ field, message })) : [];
  });
}

@Injectable()
export class CannedRepliesService {
  constructor(
    @InjectRepository(CannedReply) private readonly replies: Repository<CannedReply>,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(user: AuthenticatedUser): Promise<CannedReplyView[]> {
    const replies = await this.replies.find({
      where: { organisationId: user.organisationId },
      order: { shortcut: 'ASC' },
      take: MAX_REPLIES_LISTED,
    });
    return replies.map(toView);
  }

  async create(user: AuthenticatedUser, input: CreateCannedReplyDto): Promise<CannedReplyView> {
    const problems = bodyProblems(input);
    if (problems.length > 0) throw ApiException.validation(problems);
    await this.assertShortcutFree(user.organisationId, input.shortcut);
    const now = new Date();
    const reply = this.replies.create({
      id: randomUUID(),
      organisationId: user.organisationId,
      title: input.title.trim(),
      shortcut: input.shortcut,
      bodyAr: input.bodyAr,
      bodyEn: input.bodyEn?.trim() ? input.bodyEn : null,
      createdByUserId: user.id,
      updatedByUserId: user.id,
      createdAt: now,
      updatedAt: now,
    });
    await this.transactions.run((manager) => manager.insert(CannedReply, reply));
    return toView(reply);
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateCannedReplyDto): Promise<CannedReplyView> {
    const reply = await this.require(user, id);
    const problems = bodyProblems(input);
    if (problems.length > 0) throw ApiException.validation(problems);
    if (input.shortcut !== undefined && input.shortcut !== reply.shortcut)
      await this.assertShortcutFree(user.organisationId, input.shortcut);
    const changes: Partial<CannedReply> = { updatedByUserId: user.id, updatedAt: new Date() };
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.shortcut !== undefined) changes.shortcut = input.shortcut;
    if (input.bodyAr !== undefined) changes.bodyAr = input.bodyAr;
    if (input.bodyEn !== undefined) changes.bodyEn = input.bodyEn?.trim() ? input.bodyEn : null;
    await this.transactions.run((manager) => manager.update(CannedReply, { id, organisationId: user.organisationId }, changes));
    return toView({ ...reply, ...changes });
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.require(user, id);
    await this.transactions.run((manager) => manager.delete(CannedReply, { id, organisationId: user.organisationId }));
  }

  // The editor's live preview: the same rendering, with sample values, and the body's problems by name.
  preview(body: string, language: ReplyLanguage): RenderedReply & { problems: string[] } {
    return {
      ...renderCannedReply(body, SAMPLE_VALUES[language], { language, timeZone: REPLY_TIME_ZONE }),
      problems: templateProblems(body),
    };
  }

  // A reply for one conversation; the caller has checked that the user may see it and gathered what it knows.
  async render(
    user: AuthenticatedUser,
    id: string,
    language: ReplyLanguage,
    values: CannedReplyValues,
  ): Promise<RenderedReply & { language: ReplyLanguage }> {
    const reply = await this.require(user, id);
    const used: ReplyLanguage = language === 'en' && reply.bodyEn ? 'en' : 'ar';
    const body = used === 'en' ? reply.bodyEn! : reply.bodyAr;
    return { ...renderCannedReply(body, values, { language: used, timeZone: REPLY_TIME_ZONE }), language: used };
  }

  private async assertShortcutFree(organisationId: string, shortcut: string): Promise<void> {
    if (await this.replies.existsBy({ organisationId, shortcut })) {
      throw new ApiException(ApiErrorCode.Conflict, 'Another canned reply has this shortcut', [
        { field: 'shortcut', message: 'is already used' },
      ]);
    }
  }

  private async require(user: AuthenticatedUser, id: string): Promise<CannedReply> {
    const reply = await this.replies.findOneBy({ id, organisationId: user.organisationId });
    if (!reply) throw ApiException.notFound('Canned reply');
    return reply;
  }
}
