import { isUUID } from 'class-validator';
import { WaslConfig } from '@app/config';
import { ApiErrorCode, ApiException, normaliseText } from '@app/common';
import { Public } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { RequestTypesService } from '@app/requests';
import { OrganisationsService } from '@app/identity';
import { WebChatRefusalCode } from '@app/wire';
import { Controller, Get, Header, HttpCode, Options, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendAttachment } from './webchat-attachment-reply.util';
import { MAX_ATTACHMENT_BYTES, StoredAttachment, WebChatAttachmentsService } from './webchat-attachments.service';
import { WEBCHAT_UPLOAD_LIMIT, WebChatRateLimiter } from './webchat-rate-limiter.service';
import { WebChatRefusal } from './webchat-refusal.exception';
import { WebChatSessionService } from './webchat-session.service';
import { webChatDemoPage } from './widget/webchat-demo.page';
import { buildWidgetBundle } from './widget/webchat-widget.bundle';

const STATUS_BY_REFUSAL: Record<WebChatRefusalCode, ApiErrorCode> = {
  [WebChatRefusalCode.InboxNotFound]: ApiErrorCode.NotFound,
  [WebChatRefusalCode.OriginRefused]: ApiErrorCode.Forbidden,
  [WebChatRefusalCode.TokenInvalid]: ApiErrorCode.Unauthenticated,
  [WebChatRefusalCode.IdentityInvalid]: ApiErrorCode.Unauthenticated,
  [WebChatRefusalCode.PreChatInvalid]: ApiErrorCode.ValidationFailed,
  [WebChatRefusalCode.SettingsInvalid]: ApiErrorCode.Unavailable,
  [WebChatRefusalCode.RateLimited]: ApiErrorCode.RateLimited,
  [WebChatRefusalCode.ValidationFailed]: ApiErrorCode.ValidationFailed,
  [WebChatRefusalCode.VerificationUnavailable]: ApiErrorCode.Unavailable,
  [WebChatRefusalCode.VerificationNotSent]: ApiErrorCode.Unavailable,
  [WebChatRefusalCode.CodeInvalid]: ApiErrorCode.ValidationFailed,
};

function asApiException(error: unknown): unknown {
  return error instanceof WebChatRefusal ? new ApiException(STATUS_BY_REFUSAL[error.code], error.message, error.fields) : error;
}

async function readLimitedBody(request: FastifyRequest, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.raw.unpipe();
      throw new ApiException(ApiErrorCode.PayloadTooLarge, `Attachments may be at most ${limit / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// The public half of web chat over HTTP: the widget script, the demo page, the widget's configuration,
// visitors' uploads and signed attachment downloads. Socket traffic is in WebChatGateway.
@ApiExcludeController()
@Public()
@Controller()
export class WebChatController {
  private widget?: string;

  constructor(
    private readonly sessions: WebChatSessionService,
    private readonly attachments: WebChatAttachmentsService,
    private readonly rateLimiter: WebChatRateLimiter,
    private readonly inboxes: InboxesService,
    private readonly organisations: OrganisationsService,
    private readonly waslConfig: WaslConfig,
    private readonly requestTypes: RequestTypesService,
  ) {}

  @Get('widget.js')
  @Header('content-type', 'application/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  @Header('cross-origin-resource-policy', 'cross-origin')
  widgetScript(): string {
    this.widget ??= buildWidgetBundle();
    return this.widget;
  }

  @Get('demo')
  @Header('content-type', 'text/html; charset=utf-8')
  async demo(@Query('inbox') inbox?: string, @Query('locale') locale?: string): Promise<string> {
    const organisation = await this.organisations.findFirst();
    let inboxId = inbox && isUUID(inbox) ? inbox : undefined;
    if (!inboxId && organisation) {
      inboxId = (await this.inboxes.list(organisation.id)).find((item) => item.channel === 'webchat' && item.active)?.id;
    }
    return webChatDemoPage({
      inboxId,
      locale: locale === 'en' ? 'en' : 'ar',
      organisationName: organisation?.name ?? 'جمعيتي',
      publicUrl: this.waslConfig.http.publicUrl,
    });
  }

  // What the widget needs before the visitor connects: the inbox's name and which pre-chat fields it asks for.
  @Get('webchat/inboxes/:inboxId/config')
  async config(@Param('inboxId') inboxId: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply) {
    try {
      const webChat = await this.sessions.loadInbox(inboxId);
      this.allowOrigin(request, response, webChat.settings);
      return {
        name: webChat.inbox.name,
        preChat: webChat.settings.preChat,
        greeting: webChat.settings.greeting ?? null,
        phoneVerification: webChat.settings.phoneVerification !== undefined,
        // The public support-request form, when the association offers one there.
        supportRequestUrl:
          (await this.requestTypes.list(webChat.inbox.organisationId, { publicOnly: true })).length > 0
            ? `${this.waslConfig.http.publicUrl.replace(/\/$/, '')}/forms/${webChat.inbox.organisationId}`
            : null,
      };
    } catch (error) {
      throw asApiException(error);
    }
  }

  @Options('webchat/inboxes/:inboxId/attachments')
  @HttpCode(204)
  async uploadPreflight(
    @Param('inboxId') inboxId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    try {
      const webChat = await this.sessions.loadInbox(inboxId);
      this.allowOrigin(request, response, webChat.settings);
      response.header('access-control-allow-methods', 'POST');
      response.header('access-control-allow-headers', 'content-type, x-wasl-visitor-token, x-file-name');
      response.header('access-control-max-age', '600');
    } catch (error) {
      throw asApiException(error);
    }
  }

  // The body is the file itself (application/octet-stream); its type is read from its first bytes.
  @Post('webchat/inboxes/:inboxId/attachments')
  @HttpCode(201)
  async upload(
    @Param('inboxId') inboxId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StoredAttachment> {
    try {
      const visitor = await this.sessions.visitorFromToken(
        inboxId,
        request.headers['x-wasl-visitor-token'],
        request.headers.origin,
        request.headers.host,
      );
      this.allowOrigin(request, response, visitor.settings);
      if (!(await this.rateLimiter.allows(`upload:${visitor.visitorKey}`, WEBCHAT_UPLOAD_LIMIT))) {
        throw new WebChatRefusal(WebChatRefusalCode.RateLimited, 'Too many uploads; wait a moment');
      }
      if (Number(request.headers['content-length'] ?? 0) > MAX_ATTACHMENT_BYTES) {
        throw new ApiException(ApiErrorCode.PayloadTooLarge, `Attachments may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
      }
      const content = await readLimitedBody(request, MAX_ATTACHMENT_BYTES);
      const rawName = request.headers['x-file-name'];
      const fileName = typeof rawName === 'string' ? decodedFileName(rawName) : undefined;
      return await this.attachments.store(visitor, content, fileName);
    } catch (error) {
      throw asApiException(error);
    }
  }

  // A link minted for the visitor (`expires`, `signature`), or the uploading visitor's own token in
  // X-Wasl-Visitor-Token; a stored path alone, an expired link or another visitor's token gets nothing.
  @Get('webchat/files/:inboxId/:visitorKey/:fileId')
  async download(
    @Param('inboxId') inboxId: string,
    @Param('visitorKey') visitorKey: string,
    @Param('fileId') fileId: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const found = await this.inboxes.findWithSecrets(inboxId);
    const file = found
      ? await this.attachments.readForVisitor({ inboxId, visitorKey, fileId }, found.secrets.signingSecret, {
          expires,
          signature,
          visitorToken: request.headers['x-wasl-visitor-token'],
        })
      : undefined;
    if (file === 'expired') throw new ApiException(ApiErrorCode.Forbidden, 'This attachment link has expired; open the chat again');
    if (!file) throw ApiException.notFound('Attachment');
    sendAttachment(response, file);
  }

  private allowOrigin(
    request: FastifyRequest,
    response: FastifyReply,
    settings: Parameters<WebChatSessionService['isAllowedOrigin']>[0],
  ): void {
    const origin = request.headers.origin;
    if (!this.sessions.isAllowedOrigin(settings, origin, request.headers.host)) {
      throw new WebChatRefusal(WebChatRefusalCode.OriginRefused, 'This site may not embed this inbox’s chat');
    }
    if (origin) {
      response.header('access-control-allow-origin', origin);
      response.header('vary', 'Origin');
    }
  }
}

// The widget sends the name percent-encoded; a malformed escape is a name we do not keep, not an error.
function decodedFileName(header: string): string | undefined {
  try {
    return normaliseText(decodeURIComponent(header), { singleLine: true });
  } catch {
    return undefined;
  }
}
