import { TransactionRunner } from '@app/database';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { RequestEventType } from '../entities/request-event.entity';
import { RequestSettings } from '../entities/request-settings.entity';
import { SupportRequest } from '../entities/support-request.entity';
import { RequestState } from '../state/request-state.enum';
import { daysBetween, riyadhDate } from '../validation/riyadh-date.util';
import { RequestRecorder } from './request-recorder.service';
import { RequestSettingsService } from './request-settings.service';

// A request nearing the day its beneficiary was promised an answer, with no decision yet: the supervisor is alerted
// once per round of study (an event on the request, the live feed, and the supervisor's queue of such requests).
@Injectable()
export class RequestDeadlinesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settings: RequestSettingsService,
    private readonly recorder: RequestRecorder,
    private readonly realtime: RealtimePublisher,
  ) {}

  async organisationsWithRequestsAtCommittee(): Promise<string[]> {
    const rows: Array<{ organisationId: string }> = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder(SupportRequest, 'request')
        .select('DISTINCT request.organisationId', 'organisationId')
        .where('request.state = :state', { state: RequestState.AtCommittee })
        .andWhere('request.deadlineAlertedAt IS NULL')
        .getRawMany(),
    );
    return rows.map((row) => row.organisationId);
  }

  // Returns how many requests were newly alerted.
  async check(organisationId: string, now = new Date()): Promise<number> {
    const alerted = await this.transactions.run(async (manager) => {
      const settings: RequestSettings = await this.settings.load(manager, organisationId);
      const today = riyadhDate(now);
      const waiting = await manager.find(SupportRequest, {
        where: { organisationId, state: RequestState.AtCommittee, deadlineAlertedAt: IsNull() },
        take: 500,
      });
      const due = waiting.filter((request) => request.answerDueOn && daysBetween(today, request.answerDueOn) <= settings.alertDaysBefore);
      for (const request of due) {
        await manager.update(SupportRequest, { id: request.id, deadlineAlertedAt: IsNull() }, { deadlineAlertedAt: now });
        request.deadlineAlertedAt = now;
        await this.recorder.record(
          manager,
          request,
          { kind: 'system' },
          {
            type: RequestEventType.DeadlineNear,
            details: { answerDueOn: request.answerDueOn, daysLeft: daysBetween(today, request.answerDueOn!) },
          },
          now,
        );
      }
      return due;
    });
    for (const request of alerted) {
      this.realtime.toUsersAndOverseers(organisationId, request.officerId ? [request.officerId] : [], RealtimeEvent.RequestDeadlineNear, {
        id: request.id,
        number: request.number,
        state: request.state,
        answerDueOn: request.answerDueOn,
      });
    }
    return alerted.length;
  }
}
