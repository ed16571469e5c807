import { AuditAction, AuditService } from '@app/audit';
import { JsonObject } from '@app/common';
import { AuthenticatedUser, UserRole, UsersService } from '@app/identity';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestEvent, RequestEventType } from '../entities/request-event.entity';
import { SupportRequest } from '../entities/support-request.entity';
import { RequestState } from '../state/request-state.enum';

// Who did something to a request: a staff member, the beneficiary on their signed page, or Wasl itself.
export type RequestActorRef =
  { kind: 'staff'; user: Pick<AuthenticatedUser, 'id' | 'organisationId'> } | { kind: 'beneficiary' } | { kind: 'system' };

export interface RecordedChange {
  type: RequestEventType;
  action?: string;
  from?: RequestState;
  to?: RequestState;
  details?: JsonObject;
}

// The timeline, the audit log and the live feed of support requests, written the same way by every service.
@Injectable()
export class RequestRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly realtime: RealtimePublisher,
    private readonly users: UsersService,
  ) {}

  // One event on the request's timeline and, for an action of the state machine, one audit row, inside the caller's
  // transaction. The audit row holds the action and states, never what was written.
  async record(
    manager: EntityManager,
    request: SupportRequest,
    actor: RequestActorRef,
    change: RecordedChange,
    at = new Date(),
  ): Promise<void> {
    const actorUserId = actor.kind === 'staff' ? actor.user.id : null;
    await manager.insert(RequestEvent, {
      id: randomUUID(),
      organisationId: request.organisationId,
      requestId: request.id,
      type: change.type,
      action: change.action ?? null,
      fromState: change.from ?? null,
      toState: change.to ?? null,
      actorUserId,
      actorKind: actor.kind,
      details: change.details ?? null,
      createdAt: at,
    });
    if (change.type === RequestEventType.Transition || change.type === RequestEventType.Created) {
      await this.audit.record(
        {
          organisationId: request.organisationId,
          actorUserId,
          action: change.type === RequestEventType.Created ? AuditAction.RequestCreated : AuditAction.RequestTransitioned,
          subjectType: 'support_request',
          subjectId: request.id,
          details: {
            number: request.number,
            action: change.action ?? null,
            from: change.from ?? null,
            to: change.to ?? null,
            actor: actor.kind,
          },
        },
        manager,
      );
    }
  }

  // After the commit: to the overseers and the staff working the request (its officer, its researcher, the committee
  // while it has it); a request nobody handles yet goes to every staff socket of the organisation, which carries no
  // beneficiary data, so that any officer's intake queue refreshes.
  async publish(manager: EntityManager, request: SupportRequest, event: RealtimeEvent = RealtimeEvent.RequestUpdated): Promise<void> {
    const payload = { id: request.id, number: request.number, state: request.state };
    if (!request.officerId) {
      this.realtime.toOrganisation(request.organisationId, event, payload);
      return;
    }
    const userIds = [request.officerId, request.researcherId].filter((id): id is string => id !== null);
    if (request.state === RequestState.AtCommittee) {
      userIds.push(...(await this.users.activeIdsWithRole(manager, request.organisationId, UserRole.Committee)));
    }
    this.realtime.toUsersAndOverseers(request.organisationId, userIds, event, payload);
  }
}
