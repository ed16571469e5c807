import { AuditAction, AuditService } from '@app/audit';
import { ApiErrorCode, ApiException, normaliseText } from '@app/common';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, Roles } from '@app/identity';
import {
  AttestInPersonDto,
  CommitteeVoteDto,
  CreateSupportRequestDto,
  DeliverServiceDto,
  ListSupportRequestsQuery,
  MAX_DOCUMENT_BYTES,
  RecordFindingsDto,
  ReferDto,
  RequestWorkflowService,
  ReturnReferralDto,
  StaffMessageDto,
  SupportRequestsService,
  UpdateDocumentDto,
  UpdateValuesDto,
} from '@app/requests';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { AuditedRead } from '../audit/audited-read.decorator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { sendAttachment } from '../webchat/webchat-attachment-reply.util';
import { readLimitedBody } from './limited-body.util';
import {
  MessageOutcomeResponse,
  RequestEventListResponse,
  RequestStaffResponse,
  SupportRequestListResponse,
  SupportRequestResponse,
} from './request-response.dto';

const DOCUMENT_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

// The staff API of support requests. Every change is one action of the request's state machine (RequestWorkflowService
// checks the state, the role and the guards) and answers with the request as it is now.
@ApiTags('requests')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('api/v1/requests')
export class RequestsController {
  constructor(
    private readonly requests: SupportRequestsService,
    private readonly workflow: RequestWorkflowService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @AuditedRead({ action: AuditAction.RequestsListed, subjectType: 'support_request', list: true })
  @ApiOkResponse({ type: SupportRequestListResponse })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListSupportRequestsQuery) {
    return this.requests.list(user, query);
  }

  @Post()
  @ApiCreatedResponse({ type: SupportRequestResponse })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSupportRequestDto) {
    return this.requests.create(user, body);
  }

  // Who requests are referred to and decided by: names and roles only.
  @Get('staff')
  @ApiOkResponse({ type: [RequestStaffResponse] })
  staff(@CurrentUser() user: AuthenticatedUser) {
    return this.requests.staff(user);
  }

  @Get(':id')
  @AuditedRead({ action: AuditAction.RequestViewed, subjectType: 'support_request' })
  @ApiOkResponse({ type: SupportRequestResponse })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    return this.requests.view(user, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: RequestEventListResponse })
  events(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    return this.requests.events(user, id);
  }

  @Patch(':id/values')
  @ApiOkResponse({ type: SupportRequestResponse })
  async updateValues(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: UpdateValuesDto,
  ) {
    await this.workflow.updateValues(user, id, body.values);
    return this.requests.view(user, id);
  }

  // The body is the file itself (application/octet-stream, PNG, JPEG or PDF up to 5 MB); its type is read from its
  // first bytes. A new copy of a document replaces the one before.
  @Post(':id/documents')
  @ApiConsumes('application/octet-stream')
  @ApiQuery({ name: 'documentKey', description: 'Which of the type’s documents this is' })
  @ApiQuery({ name: 'expiresOn', required: false, description: 'YYYY-MM-DD, for documents that expire' })
  @ApiHeader({ name: 'x-file-name', required: false, description: 'The file name, percent-encoded' })
  @ApiCreatedResponse({ type: SupportRequestResponse })
  async uploadDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Query('documentKey') documentKey: unknown,
    @Query('expiresOn') expiresOn: unknown,
    @Req() request: FastifyRequest,
  ) {
    if (typeof documentKey !== 'string' || !DOCUMENT_KEY.test(documentKey)) {
      throw ApiException.validation([{ field: 'documentKey', message: 'must name a document of the request type' }]);
    }
    if (Number(request.headers['content-length'] ?? 0) > MAX_DOCUMENT_BYTES) {
      throw new ApiException(ApiErrorCode.PayloadTooLarge, `Documents may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
    }
    const content = await readLimitedBody(request, MAX_DOCUMENT_BYTES);
    await this.workflow.addDocument({ kind: 'staff', user }, user, id, user.organisationId, {
      documentKey,
      content,
      fileName: fileNameOf(request.headers['x-file-name']),
      expiresOn: typeof expiresOn === 'string' && expiresOn !== '' ? expiresOn : null,
    });
    return this.requests.view(user, id);
  }

  @Patch(':id/documents/:documentId')
  @ApiOkResponse({ type: SupportRequestResponse })
  async updateDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Param('documentId', UuidParameter('Document')) documentId: string,
    @Body() body: UpdateDocumentDto,
  ) {
    await this.workflow.updateDocument(user, id, documentId, body.expiresOn);
    return this.requests.view(user, id);
  }

  @Delete(':id/documents/:documentId')
  @ApiOkResponse({ type: SupportRequestResponse })
  async removeDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Param('documentId', UuidParameter('Document')) documentId: string,
  ) {
    await this.workflow.removeDocument(user, id, documentId);
    return this.requests.view(user, id);
  }

  @Get(':id/documents/:documentId')
  @ApiProduces('image/png', 'image/jpeg', 'application/pdf')
  @ApiOkResponse({ description: 'The document as uploaded' })
  async downloadDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Param('documentId', UuidParameter('Document')) documentId: string,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const { content, document } = await this.requests.readDocument(user, id, documentId);
    await this.audit.recordRead({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.RequestDocumentDownloaded,
      subjectType: 'support_request',
      subjectId: id,
      details: { documentId, documentKey: document.documentKey },
    });
    sendAttachment(response, { stream: Readable.from([content]), sizeBytes: content.length, contentType: document.contentType });
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async claim(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.claim(user, id);
    return this.requests.view(user, id);
  }

  // One click: the beneficiary is told on their channel, in Arabic, what is missing or invalid.
  @Post(':id/request-missing')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async requestMissing(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.requestMissing(user, id);
    return this.requests.view(user, id);
  }

  @Post(':id/referral')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async refer(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string, @Body() body: ReferDto) {
    await this.workflow.refer(user, id, body);
    return this.requests.view(user, id);
  }

  @Post(':id/referral/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async accept(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.acceptReferral(user, id);
    return this.requests.view(user, id);
  }

  // The researcher hands it back to the officer with the reason; they no longer see it afterwards.
  @Post(':id/referral/return')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Returned; the researcher no longer has the request' })
  async returnReferral(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: ReturnReferralDto,
  ) {
    await this.workflow.returnReferral(user, id, body);
    return { returned: true };
  }

  @Post(':id/findings')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async findings(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: RecordFindingsDto,
  ) {
    await this.workflow.recordFindings(user, id, body);
    return this.requests.view(user, id);
  }

  @Post(':id/attestation/code')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async sendAttestationCode(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.requestAttestation(user, id);
    return this.requests.view(user, id);
  }

  // At a walk-in visit: the beneficiary reads the code they received to the officer.
  @Post(':id/attestation')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async attestInPerson(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: AttestInPersonDto,
  ) {
    await this.workflow.attestInPerson(user, id, body);
    return this.requests.view(user, id);
  }

  @Post(':id/committee')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async sendToCommittee(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.sendToCommittee(user, id);
    return this.requests.view(user, id);
  }

  @Post(':id/votes')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async vote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: CommitteeVoteDto,
  ) {
    await this.workflow.vote(user, id, body);
    return this.requests.view(user, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: CommitteeVoteDto,
  ) {
    await this.workflow.decideAsChair(user, id, body);
    return this.requests.view(user, id);
  }

  @Post(':id/registration')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async register(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.register(user, id);
    return this.requests.view(user, id);
  }

  @Post(':id/services')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async deliverService(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: DeliverServiceDto,
  ) {
    await this.workflow.deliverService(user, id, body);
    return this.requests.view(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: SupportRequestResponse })
  async close(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Support request')) id: string) {
    await this.workflow.close(user, id);
    return this.requests.view(user, id);
  }

  // The officer or the social-research officer writes to the beneficiary, on their channel, under their own name.
  @Post(':id/messages')
  @HttpCode(200)
  @ApiOkResponse({ type: MessageOutcomeResponse })
  message(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Support request')) id: string,
    @Body() body: StaffMessageDto,
  ) {
    return this.requests.message(user, id, body.text);
  }
}

// Sent percent-encoded; a malformed escape is a name not kept, not an error.
function fileNameOf(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  try {
    return normaliseText(decodeURIComponent(header), { singleLine: true });
  } catch {
    return undefined;
  }
}
