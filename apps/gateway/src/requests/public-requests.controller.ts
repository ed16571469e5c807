import { ApiErrorCode, ApiException, FieldProblem, normaliseText } from '@app/common';
import { Public } from '@app/identity';
import {
  MAX_DOCUMENT_BYTES,
  PublicRequestIntakeService,
  RequestLinksService,
  RequestState,
  RequestTypesService,
  RequestWorkflowService,
  SupportRequestsService,
  SupportRequestView,
} from '@app/requests';
import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderKindFormLinks } from '../request-kinds/kind-forms.render';
import { readLimitedBody } from './limited-body.util';
import { PUBLIC_FORMS_SCRIPT } from './public-pages/public-forms.script';
import { PUBLIC_FORMS_STYLESHEET } from './public-pages/public-forms.stylesheet';
import {
  PageShell,
  renderAttestPage,
  renderFormPage,
  renderPage,
  renderRequestPage,
  renderTypesPage,
  withLanguage,
} from './public-pages/public-pages.render';
import { PAGE_TEXT, PageLanguage } from './public-pages/public-pages.text';
import { redirectAfterPost, sendPublicPage } from './public-pages/public-page-reply.util';

const DOCUMENT_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const UPLOADABLE = [RequestState.Draft, RequestState.InformationRequested];
const ATTESTABLE = [RequestState.Researched, RequestState.InformationRequested];

type Flash = Array<{ kind: 'success' | 'alert'; text: string }>;

function languageOf(value: unknown): PageLanguage {
  return value === 'en' ? 'en' : 'ar';
}

function formFields(body: unknown): Record<string, string | string[] | undefined> {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string | string[] | undefined> = {};
  // The form parser leaves text as posted (Twilio signs it as is); these fields are stored, so they are cleaned here.
  for (const [key, value] of Object.entries(body as Record<string, unknown>).slice(0, 600)) {
    if (typeof value === 'string') fields[key] = normaliseText(value.slice(0, 2_000));
    else if (Array.isArray(value)) fields[key] = value.slice(0, 5).map((item) => normaliseText(String(item).slice(0, 2_000)));
  }
  return fields;
}

function single(fields: Record<string, string | string[] | undefined>, name: string): string {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : (value ?? '')).trim();
}

// The association's public support-request form and the pages a beneficiary reaches by the signed links Wasl sends
// them: their request's status (verify the number, upload documents) and their attestation. Served by the gateway,
// right to left in Arabic first, laid out for a phone; the web-chat widget links here rather than framing it.
@ApiExcludeController()
@Public()
@Controller('forms')
export class PublicRequestsController {
  constructor(
    private readonly intake: PublicRequestIntakeService,
    private readonly types: RequestTypesService,
    private readonly requests: SupportRequestsService,
    private readonly workflow: RequestWorkflowService,
    private readonly links: RequestLinksService,
  ) {}

  @Get('assets/forms.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  stylesheet(): string {
    return PUBLIC_FORMS_STYLESHEET;
  }

  @Get('assets/forms.js')
  @Header('content-type', 'application/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  script(): string {
    return PUBLIC_FORMS_SCRIPT;
  }

  @Get('r/:token')
  async requestPage(@Param('token') token: string, @Query() query: Record<string, string>, @Res() response: FastifyReply): Promise<void> {
    const language = languageOf(query.lang);
    const link = this.links.read(token);
    const found = link ? await this.load(link.organisationId, link.requestId) : undefined;
    if (!link || !found) return this.notFound(response, language);
    const { view, organisationName } = found;
    const text = PAGE_TEXT[language];
    const flash: Flash = [];
    const shell = this.shell(language, organisationName, `/forms/r/${token}`);
    if (link.purpose === 'attest') {
      if (query.attested) flash.push({ kind: 'success', text: text.attested });
      if (query.error) flash.push({ kind: 'alert', text: this.codeError(query.error, language) });
      const canAttest = ATTESTABLE.includes(view.state) && view.attestation.status !== 'valid';
      if (!canAttest && !query.attested)
        flash.push({ kind: 'success', text: view.attestation.status === 'valid' ? text.attested : text.attestNotNow });
      shell.title = text.attestTitle;
      return sendPublicPage(
        response,
        200,
        renderAttestPage(shell, {
          token,
          number: view.number,
          type: { nameAr: view.typeNameAr, nameEn: view.typeNameEn },
          form: view.form,
          values: view.values,
          documents: view.documents,
          canAttest,
          attestedAt: view.attestation.attestedAt,
          flash,
        }),
      );
    }
    if (query.received) flash.push({ kind: 'success', text: text.received });
    if (query.verified) flash.push({ kind: 'success', text: text.verified });
    if (query.sent) flash.push({ kind: 'success', text: text.codeSent });
    if (query.error) flash.push({ kind: 'alert', text: this.codeError(query.error, language) });
    shell.title = `${view.number}`;
    sendPublicPage(
      response,
      200,
      renderRequestPage(shell, {
        token,
        number: view.number,
        type: { nameAr: view.typeNameAr, nameEn: view.typeNameEn },
        state: view.state,
        createdAt: view.createdAt,
        answerDueOn: view.answerDueOn,
        phoneMasked: view.contact.phone ? `${view.contact.phone.slice(0, 5)}•••${view.contact.phone.slice(-3)}` : null,
        phoneVerified: view.contact.phoneVerified || view.contact.phone === null,
        form: view.form,
        documentItems: view.checklist.items.filter((item) => item.target === 'document'),
        canUpload: UPLOADABLE.includes(view.state),
        flash,
      }),
    );
  }

  @Post('r/:token/verify')
  async verify(
    @Param('token') token: string,
    @Query() query: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const link = this.links.read(token);
    if (!link) return this.notFound(response, languageOf(query.lang));
    const code = single(formFields(request.body), 'code');
    try {
      await this.intake.verifyPhone(link.organisationId, link.requestId, code);
      redirectAfterPost(response, withLanguage(`/forms/r/${token}?verified=1`, languageOf(query.lang)));
    } catch (error) {
      redirectAfterPost(response, withLanguage(`/forms/r/${token}?error=${this.codeErrorKey(error)}`, languageOf(query.lang)));
    }
  }

  @Post('r/:token/code')
  async resendCode(@Param('token') token: string, @Query() query: Record<string, string>, @Res() response: FastifyReply): Promise<void> {
    const link = this.links.read(token);
    if (!link) return this.notFound(response, languageOf(query.lang));
    try {
      await this.intake.resendVerificationCode(link.organisationId, link.requestId);
      redirectAfterPost(response, withLanguage(`/forms/r/${token}?sent=1`, languageOf(query.lang)));
    } catch {
      redirectAfterPost(response, withLanguage(`/forms/r/${token}?error=not_sent`, languageOf(query.lang)));
    }
  }

  @Post('r/:token/attest')
  async attest(
    @Param('token') token: string,
    @Query() query: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const language = languageOf(query.lang);
    const link = this.links.read(token);
    if (!link || link.purpose !== 'attest') return this.notFound(response, language);
    const fields = formFields(request.body);
    if (single(fields, 'confirm') !== 'yes') return redirectAfterPost(response, withLanguage(`/forms/r/${token}?error=confirm`, language));
    try {
      await this.workflow.attestOnSignedPage(link.organisationId, link.requestId, single(fields, 'code'));
      redirectAfterPost(response, withLanguage(`/forms/r/${token}?attested=1`, language));
    } catch (error) {
      redirectAfterPost(response, withLanguage(`/forms/r/${token}?error=${this.codeErrorKey(error)}`, language));
    }
  }

  // The page's script posts each document as the file itself (application/octet-stream), like web chat's uploads.
  @Post('r/:token/documents/:documentKey')
  @HttpCode(201)
  async upload(
    @Param('token') token: string,
    @Param('documentKey') documentKey: string,
    @Query('expiresOn') expiresOn: unknown,
    @Req() request: FastifyRequest,
  ): Promise<{ uploaded: true }> {
    const link = this.links.read(token);
    if (!link || link.purpose !== 'status') throw ApiException.notFound('Support request');
    if (!DOCUMENT_KEY.test(documentKey))
      throw ApiException.validation([{ field: 'documentKey', message: 'is not a document of this request' }]);
    if (Number(request.headers['content-length'] ?? 0) > MAX_DOCUMENT_BYTES) {
      throw new ApiException(ApiErrorCode.PayloadTooLarge, `Documents may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
    }
    const content = await readLimitedBody(request, MAX_DOCUMENT_BYTES);
    const rawName = request.headers['x-file-name'];
    let fileName: string | undefined;
    try {
      fileName = typeof rawName === 'string' ? normaliseText(decodeURIComponent(rawName), { singleLine: true }) : undefined;
    } catch {
      fileName = undefined;
    }
    await this.workflow.addDocument({ kind: 'beneficiary' }, undefined, link.requestId, link.organisationId, {
      documentKey,
      content,
      fileName,
      expiresOn: typeof expiresOn === 'string' && expiresOn !== '' ? expiresOn : null,
    });
    return { uploaded: true };
  }

  @Get(':organisationId')
  async typesPage(
    @Param('organisationId') organisationId: string,
    @Query() query: Record<string, string>,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const language = languageOf(query.lang);
    const organisation = isUUID(organisationId) ? await this.intake.organisation(organisationId) : null;
    if (!organisation) return this.notFound(response, language);
    const types = await this.types.list(organisationId, { publicOnly: true });
    const shell = this.shell(language, organisation.name, `/forms/${organisationId}`);
    shell.title = PAGE_TEXT[language].typesTitle;
    sendPublicPage(response, 200, renderTypesPage(shell, organisationId, types, renderKindFormLinks(organisationId, language)));
  }

  @Get(':organisationId/:typeId')
  async formPage(
    @Param('organisationId') organisationId: string,
    @Param('typeId') typeId: string,
    @Query() query: Record<string, string>,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const language = languageOf(query.lang);
    const found = await this.publicType(organisationId, typeId);
    if (!found) return this.notFound(response, language);
    this.sendForm(response, 200, language, found, query, {}, []);
  }

  @Post(':organisationId/:typeId')
  async submit(
    @Param('organisationId') organisationId: string,
    @Param('typeId') typeId: string,
    @Query() query: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const language = languageOf(query.lang);
    const found = await this.publicType(organisationId, typeId);
    if (!found) return this.notFound(response, language);
    const fields = formFields(request.body);
    const typed = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, Array.isArray(value) ? value[0] : (value ?? '')]));
    let submission;
    try {
      submission = await this.intake.submit(organisationId, typeId, fields, request.ip);
    } catch (error) {
      if (error instanceof ApiException && error.code === ApiErrorCode.RateLimited) {
        return this.sendForm(response, 429, language, found, query, typed, [], PAGE_TEXT[language].rateLimited);
      }
      throw error;
    }
    if (submission.outcome === 'ignored') {
      const text = PAGE_TEXT[language];
      const shell = this.shell(language, found.organisationName, `/forms/${organisationId}/${typeId}`);
      shell.title = text.thanksTitle;
      return sendPublicPage(
        response,
        200,
        renderPage(shell, `<h1>${text.thanksTitle}</h1><section class="card"><p>${text.thanksBody}</p></section>`),
      );
    }
    if (submission.outcome === 'invalid') {
      const expired = submission.problems.some((problem) => problem.field === 'form');
      return this.sendForm(
        response,
        400,
        language,
        found,
        query,
        typed,
        expired ? [] : submission.problems,
        expired ? PAGE_TEXT[language].formExpired : undefined,
      );
    }
    redirectAfterPost(response, withLanguage(`/forms/r/${submission.statusToken}?received=1`, language));
  }

  private async publicType(organisationId: string, typeId: string) {
    if (!isUUID(organisationId) || !isUUID(typeId)) return undefined;
    const organisation = await this.intake.organisation(organisationId);
    if (!organisation) return undefined;
    const type = await this.types.get(organisationId, typeId).catch(() => undefined);
    if (!type || !type.active || !type.publicForm) return undefined;
    return { organisationId, organisationName: organisation.name, type };
  }

  private sendForm(
    response: FastifyReply,
    status: number,
    language: PageLanguage,
    found: NonNullable<Awaited<ReturnType<PublicRequestsController['publicType']>>>,
    query: Record<string, string>,
    typed: Record<string, string>,
    problems: FieldProblem[],
    notice?: string,
  ): void {
    const shell = this.shell(language, found.organisationName, `/forms/${found.organisationId}/${found.type.id}`);
    shell.title = language === 'ar' ? found.type.nameAr : found.type.nameEn;
    sendPublicPage(
      response,
      status,
      renderFormPage(shell, {
        organisationId: found.organisationId,
        type: found.type,
        token: this.intake.formToken(found.type.id),
        typed,
        problems,
        notice,
      }),
    );
  }

  private async load(
    organisationId: string,
    requestId: string,
  ): Promise<{ view: SupportRequestView; organisationName: string } | undefined> {
    const organisation = await this.intake.organisation(organisationId);
    if (!organisation) return undefined;
    const view = await this.requests.publicViewOf(organisationId, requestId);
    return view ? { view, organisationName: organisation.name } : undefined;
  }

  // The other language's link leaves the page's flags (received, verified …) out: they were for this view.
  private shell(language: PageLanguage, organisationName: string, path: string): PageShell {
    return { language, organisationName, title: '', switchHref: withLanguage(path, language === 'ar' ? 'en' : 'ar') };
  }

  private codeErrorKey(error: unknown): string {
    if (error instanceof ApiException) {
      const field = error.fields?.[0];
      if (error.getStatus() === 409 && field?.field === 'code') return 'changed';
      if (field?.field === 'code') return field.message.startsWith('is not') ? 'wrong' : 'expired';
      if (error.getStatus() === 409) return 'not_now';
      if (error.getStatus() === 429 || error.getStatus() === 503) return 'not_sent';
    }
    throw error;
  }

  private codeError(key: string, language: PageLanguage): string {
    const text = PAGE_TEXT[language];
    const messages: Record<string, string> = {
      wrong: text.wrongCode,
      expired: text.expiredCode,
      changed: text.attestChanged,
      confirm: text.attestMissingConfirm,
      not_sent: text.codeNotSent,
      not_now: text.attestNotNow,
    };
    return messages[key] ?? text.wrongCode;
  }

  private notFound(response: FastifyReply, language: PageLanguage): void {
    const text = PAGE_TEXT[language];
    sendPublicPage(
      response,
      404,
      renderPage(
        { language, organisationName: '', title: text.notFound, switchHref: '#' },
        `<section class="card"><p>${text.notFound}</p></section>`,
      ),
    );
  }
}
