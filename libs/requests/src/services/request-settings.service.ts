import { AuditAction, AuditService } from '@app/audit';
import { ChannelKind } from '@app/channels';
import { ApiException, FieldProblem } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser, UserRole, UsersService } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UpdateRequestSettingsDto } from '../dto/request-settings.dto';
import { MINIMUM_ANSWER_DAYS, RequestSettings } from '../entities/request-settings.entity';

export interface RequestSettingsView {
  answerDays: number;
  minimumAnswerDays: number;
  quorum: number;
  chairUserId: string | null;
  alertDaysBefore: number;
  smsInboxId: string | null;
}

function toView(settings: RequestSettings): RequestSettingsView {
  const { answerDays, quorum, chairUserId, alertDaysBefore, smsInboxId } = settings;
  return { answerDays, minimumAnswerDays: MINIMUM_ANSWER_DAYS, quorum, chairUserId, alertDaysBefore, smsInboxId };
}

@Injectable()
export class RequestSettingsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly inboxes: InboxesService,
  ) {}

  async get(organisationId: string): Promise<RequestSettingsView> {
    return toView(await this.transactions.run((manager) => this.load(manager, organisationId)));
  }

  async load(manager: EntityManager, organisationId: string): Promise<RequestSettings> {
    const found = await manager.findOneBy(RequestSettings, { organisationId });
    if (found) return found;
    // Two first uses at once: the second insert finds the row already there.
    await manager
      .createQueryBuilder()
      .insert()
      .into(RequestSettings)
      .values({ organisationId, updatedAt: new Date() })
      .orIgnore()
      .execute();
    return manager.findOneByOrFail(RequestSettings, { organisationId });
  }

  async update(user: AuthenticatedUser, input: UpdateRequestSettingsDto): Promise<RequestSettingsView> {
    const organisationId = user.organisationId;
    return this.transactions.run(async (manager) => {
      const settings = await this.load(manager, organisationId);
      const problems: FieldProblem[] = [];
      // The policy's two weeks hold whatever an organisation sets: enforced here, not only in the form.
      if (input.answerDays !== undefined && input.answerDays < MINIMUM_ANSWER_DAYS) {
        problems.push({
          field: 'answerDays',
          message: `must be at least ${MINIMUM_ANSWER_DAYS} days (the policy: no less than two weeks)`,
        });
      }
      if (input.chairUserId) {
        if (!(await this.users.isActiveWithRole(manager, organisationId, input.chairUserId, UserRole.Committee))) {
          problems.push({ field: 'chairUserId', message: 'is not an active member of the research committee' });
        }
      }
      if (input.smsInboxId) {
        if (!(await this.inboxes.isActiveOfChannel(manager, organisationId, input.smsInboxId, ChannelKind.Sms))) {
          problems.push({ field: 'smsInboxId', message: 'is not an active SMS inbox of this organisation' });
        }
      }
      const answerDays = input.answerDays ?? settings.answerDays;
      const alertDaysBefore = input.alertDaysBefore ?? settings.alertDaysBefore;
      if (alertDaysBefore > answerDays) problems.push({ field: 'alertDaysBefore', message: 'must not exceed answerDays' });
      if (problems.length > 0) throw ApiException.validation(problems);
      const patch: Partial<RequestSettings> = {};
      for (const key of ['answerDays', 'quorum', 'chairUserId', 'alertDaysBefore', 'smsInboxId'] as const) {
        if (input[key] !== undefined) Object.assign(patch, { [key]: input[key] });
      }
      await manager.update(RequestSettings, { organisationId }, { ...patch, updatedAt: new Date() });
      await this.audit.record(
        {
          organisationId,
          actorUserId: user.id,
          action: AuditAction.RequestSettingsChanged,
          subjectType: 'request_settings',
          subjectId: organisationId,
          details: { changed: Object.keys(patch) },
        },
        manager,
      );
      return toView(Object.assign(settings, patch));
    });
  }

  // The next request or file number of the organisation. The row lock is held until the caller's transaction commits.
  async next(manager: EntityManager, organisationId: string, counter: 'requestCounter' | 'fileCounter'): Promise<number> {
    await this.load(manager, organisationId);
    const column = counter === 'requestCounter' ? 'request_counter' : 'file_counter';
    await manager
      .createQueryBuilder()
      .update(RequestSettings)
      .set({ [counter]: () => `${column} + 1` })
      .where('organisation_id = :organisationId', { organisationId })
      .execute();
    const settings = await manager.findOneOrFail(RequestSettings, {
      where: { organisationId },
      select: { organisationId: true, [counter]: true },
    });
    return settings[counter];
  }
}
