import { Injectable } from '@nestjs/common';
import { KindRequestEvent } from '../kinds/kind-request-event.entity';
import { KindRequest } from '../kinds/kind-request.entity';
import { EntityManager, In } from 'typeorm';
import { CommitteeVote } from '../entities/committee-vote.entity';
import { RegisteredBeneficiary } from '../entities/registered-beneficiary.entity';
import { RequestAttestation } from '../entities/request-attestation.entity';
import { RequestDocument } from '../entities/request-document.entity';
import { RequestEvent } from '../entities/request-event.entity';
import { RequestTypeVersion } from '../entities/request-type.entity';
import { ServiceDelivery } from '../entities/service-delivery.entity';
import { SupportRequest } from '../entities/support-request.entity';
import { RequestFileStore } from '../files/request-file-store';
import { halalasToRiyals } from './request-view';

export interface ContactRequestData {
  supportRequests: Array<{
    number: number;
    type: string;
    state: string;
    source: string;
    values: SupportRequest['values'];
    findings: SupportRequest['findings'];
    decision: SupportRequest['decision'];
    answerDueOn: string | null;
    createdAt: Date;
    closedAt: Date | null;
    documents: Array<{ documentKey: string; fileName: string; expiresOn: string | null; uploadedAt: Date; removedAt: Date | null }>;
    attestations: Array<{ attestedAt: Date; method: string; channel: string; dataHash: string; invalidatedAt: Date | null }>;
    services: Array<{ description: string; deliveredOn: string; amount: number | null; quantity: number | null }>;
    timeline: Array<{ type: string; action: string | null; fromState: string | null; toState: string | null; createdAt: Date }>;
  }>;
  beneficiaryFiles: Array<{ fileNumber: number; household: RegisteredBeneficiary['household']; registeredAt: Date }>;
  // Volunteering applications, suggestions and complaints, internal requests the person is the contact of.
  otherRequests: Array<{
    kind: string;
    state: string;
    feedbackType: string | null;
    subject: string | null;
    details: string;
    data: KindRequest['data'];
    reply: string | null;
    createdAt: Date;
    closedAt: Date | null;
  }>;
}

export interface RequestErasureFigures {
  requests: number;
  documents: number;
}

// A beneficiary's PDPL rights over their support requests, for the privacy module to orchestrate with the others:
// a copy, and an erasure that either deletes the requests or keeps them (number, type, states, dates, services
// given) without the data the person gave.
@Injectable()
export class RequestPersonalDataService {
  constructor(private readonly files: RequestFileStore) {}

  async exportFor(manager: EntityManager, organisationId: string, contactIds: string[]): Promise<ContactRequestData> {
    const requests = await manager.find(SupportRequest, {
      where: { organisationId, contactId: In(contactIds) },
      order: { createdAt: 'ASC' },
    });
    const ids = requests.map((request) => request.id);
    const within = { organisationId, requestId: In(ids) };
    const [documents, attestations, services, events, versions, files] =
      ids.length === 0
        ? [[], [], [], [], [], []]
        : [
            await manager.findBy(RequestDocument, within),
            await manager.findBy(RequestAttestation, within),
            await manager.findBy(ServiceDelivery, within),
            await manager.find(RequestEvent, { where: within, order: { createdAt: 'ASC' } }),
            await manager.findBy(RequestTypeVersion, { organisationId, id: In(requests.map((request) => request.typeVersionId)) }),
            await manager.findBy(RegisteredBeneficiary, { organisationId, contactId: In(contactIds) }),
          ];
    return {
      supportRequests: requests.map((request) => ({
        number: request.number,
        type: versions.find((version) => version.id === request.typeVersionId)?.nameAr ?? '',
        state: request.state,
        source: request.source,
        values: request.values,
        findings: request.findings,
        decision: request.decision,
        answerDueOn: request.answerDueOn,
        createdAt: request.createdAt,
        closedAt: request.closedAt,
        documents: documents
          .filter((document) => document.requestId === request.id)
          .map(({ documentKey, fileName, expiresOn, uploadedAt, removedAt }) => ({
            documentKey,
            fileName,
            expiresOn,
            uploadedAt,
            removedAt,
          })),
        attestations: attestations
          .filter((attestation) => attestation.requestId === request.id)
          .map(({ attestedAt, method, channel, dataHash, invalidatedAt }) => ({ attestedAt, method, channel, dataHash, invalidatedAt })),
        services: services
          .filter((service) => service.requestId === request.id)
          .map((service) => ({
            description: service.description,
            deliveredOn: service.deliveredOn,
            amount: halalasToRiyals(service.amountHalalas),
            quantity: service.quantity,
          })),
        timeline: events
          .filter((event) => event.requestId === request.id)
          .map(({ type, action, fromState, toState, createdAt }) => ({ type, action, fromState, toState, createdAt })),
      })),
      beneficiaryFiles: files.map(({ fileNumber, household, registeredAt }) => ({ fileNumber, household, registeredAt })),
      otherRequests: (
        await manager.find(KindRequest, { where: { organisationId, contactId: In(contactIds) }, order: { createdAt: 'ASC' } })
      ).map(({ kind, state, feedbackType, subject, details, data, reply, createdAt, closedAt }) => ({
        kind,
        state,
        feedbackType,
        subject,
        details,
        data,
        reply,
        createdAt,
        closedAt,
      })),
    };
  }

  // Inside the privacy module's transaction. The files are removed by removeFilesOf after it commits.
  async eraseForContacts(
    manager: EntityManager,
    organisationId: string,
    contactIds: string[],
    mode: 'delete' | 'anonymise',
  ): Promise<RequestErasureFigures & { requestIds: string[] }> {
    const requests = await manager.find(SupportRequest, { select: { id: true }, where: { organisationId, contactId: In(contactIds) } });
    const requestIds = requests.map((request) => request.id);
    const within = { organisationId, requestId: In(requestIds) };
    let documents = 0;
    if (requestIds.length > 0) {
      // Documents are what the person handed over: gone in both modes.
      documents = (await manager.delete(RequestDocument, within)).affected ?? 0;
      if (mode === 'delete') {
        for (const entity of [RequestEvent, RequestAttestation, CommitteeVote, ServiceDelivery]) await manager.delete(entity, within);
        await manager.delete(SupportRequest, { organisationId, id: In(requestIds) });
      } else {
        await manager.update(
          SupportRequest,
          { organisationId, id: In(requestIds) },
          { values: {}, findings: null, decision: null, updatedAt: new Date() },
        );
        await manager.update(RequestEvent, within, { details: null });
        await manager.update(CommitteeVote, within, { reason: null });
        await manager.update(ServiceDelivery, within, { description: '—' });
      }
    }
    await this.eraseKindRequests(manager, organisationId, contactIds, mode);
    if (mode === 'delete') await manager.delete(RegisteredBeneficiary, { organisationId, contactId: In(contactIds) });
    else
      await manager.update(RegisteredBeneficiary, { organisationId, contactId: In(contactIds) }, { household: [], updatedAt: new Date() });
    return { requests: requestIds.length, documents, requestIds };
  }

  // Volunteering applications, suggestions and complaints the person sent: deleted, or kept (kind, states, dates)
  // without what they wrote.
  private async eraseKindRequests(manager: EntityManager, organisationId: string, contactIds: string[], mode: 'delete' | 'anonymise') {
    const records = await manager.find(KindRequest, { select: { id: true }, where: { organisationId, contactId: In(contactIds) } });
    if (records.length === 0) return;
    const ids = In(records.map((record) => record.id));
    if (mode === 'delete') {
      await manager.delete(KindRequestEvent, { organisationId, kindRequestId: ids });
      await manager.delete(KindRequest, { organisationId, id: ids });
    } else {
      await manager.update(
        KindRequest,
        { organisationId, id: ids },
        { details: '—', subject: null, data: {}, reply: null, tags: [], updatedAt: new Date() },
      );
      await manager.update(KindRequestEvent, { organisationId, kindRequestId: ids }, { details: null });
    }
  }

  async removeFilesOf(organisationId: string, requestIds: string[]): Promise<void> {
    for (const requestId of requestIds) await this.files.removeRequest(organisationId, requestId);
  }
}
