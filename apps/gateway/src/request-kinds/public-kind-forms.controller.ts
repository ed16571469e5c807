import { ApiErrorCode, ApiException, normaliseText } from '@app/common';
import { Public } from '@app/identity';
import {
  KindFormIntakeService,
  KindFormKind,
  KindRequestsService,
  PublicRequestIntakeService,
  RequestKind,
  RequestLinksService,
} from '@app/requests';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageShell, renderPage, withLanguage } from '../requests/public-pages/public-pages.render';
import { PageLanguage } from '../requests/public-pages/public-pages.text';
import { KindFormName, renderKindForm, renderKindThanks } from './kind-forms.render';
import { KIND_FORM_TEXT } from './kind-forms.text';
import { redirectAfterPost, sendPublicPage } from '../requests/public-pages/public-page-reply.util';

const KIND_OF: Record<KindFormName, KindFormKind> = { volunteering: RequestKind.Volunteering, feedback: RequestKind.Feedback };

function languageOf(value: unknown): PageLanguage {
  return value === 'en' ? 'en' : 'ar';
}

function formFields(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string> = {};
  // The form parser leaves text as posted; these fields are stored, so they are cleaned here.
  for (const [key, value] of Object.entries(body as Record<string, unknown>).slice(0, 50)) {
    if (typeof value === 'string') fields[key] = normaliseText(value.slice(0, 4_000));
  }
  return fields;
}

// خدمة التطوع and المقترحات والشكاوى: the association's public forms, served by the gateway beside the support-request
// form (`/forms/<organisation>` links to them, and the web-chat widget opens that page), right to left in Arabic first.
@ApiExcludeController()
@Public()
@Controller('forms')
export class PublicKindFormsController {
  constructor(
    private readonly intake: KindFormIntakeService,
    private readonly records: KindRequestsService,
    private readonly requestIntake: PublicRequestIntakeService,
    private readonly links: RequestLinksService,
  ) {}

  @Get(':organisationId/volunteering')
  volunteeringPage(@Param('organisationId') organisationId: string, @Query() query: Record<string, string>, @Res() response: FastifyReply) {
    return this.formPage(organisationId, 'volunteering', query, response);
  }

  @Get(':organisationId/feedback')
  feedbackPage(@Param('organisationId') organisationId: string, @Query() query: Record<string, string>, @Res() response: FastifyReply) {
    return this.formPage(organisationId, 'feedback', query, response);
  }

  @Post(':organisationId/volunteering')
  submitVolunteering(
    @Param('organisationId') organisationId: string,
    @Query() query: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.submit(organisationId, 'volunteering', query, request, response);
  }

  @Post(':organisationId/feedback')
  submitFeedback(
    @Param('organisationId') organisationId: string,
    @Query() query: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.submit(organisationId, 'feedback', query, request, response);
  }

  @Get('k/:token')
  async thanksPage(@Param('token') token: string, @Query() query: Record<string, string>, @Res() response: FastifyReply): Promise<void> {
    const language = languageOf(query.lang);
    const link = this.links.read(token);
    const record = link?.purpose === 'kind' ? await this.records.recordExists(link.organisationId, link.requestId) : null;
    const organisation = record ? await this.requestIntake.organisation(record.organisationId) : null;
    if (!record || !organisation) return this.notFound(response, language);
    const text = KIND_FORM_TEXT[language];
    const flash: Array<{ kind: 'success' | 'alert'; text: string }> = [];
    if (query.verified) flash.push({ kind: 'success', text: text.verified });
    if (query.error === 'code') flash.push({ kind: 'alert', text: text.wrongCode });
    if (query.error === 'not_sent') flash.push({ kind: 'alert', text: text.codeNotSent });
    const form: KindFormName = record.kind === RequestKind.Volunteering ? 'volunteering' : 'feedback';
    const shell = this.shell(language, organisation.name, `/forms/k/${token}`, text.thanksTitle);
    sendPublicPage(
      response,
      200,
      renderKindThanks(shell, { token, form, phoneMasked: query.to ?? null, verified: Boolean(query.verified), flash }),
    );
  }

  @Post('k/:token/verify')
  async verify(
    @Param('token') token: string,
    @Query() query: Record<string, string>,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const language = languageOf(query.lang);
    const link = this.links.read(token);
    if (!link || link.purpose !== 'kind') return this.notFound(response, language);
    try {
      await this.records.verifyPhone(link.organisationId, link.requestId, formFields(request.body).code ?? '');
      redirectAfterPost(response, withLanguage(`/forms/k/${token}?verified=1`, language));
    } catch (error) {
      if (!(error instanceof ApiException) || error.getStatus() !== 400) throw error;
      redirectAfterPost(response, withLanguage(`/forms/k/${token}?error=code`, language));
    }
  }

  private async formPage(organisationId: string, form: KindFormName, query: Record<string, string>, response: FastifyReply) {
    const language = languageOf(query.lang);
    const organisation = isUUID(organisationId) ? await this.requestIntake.organisation(organisationId) : null;
    if (!organisation) return this.notFound(response, language);
    this.sendForm(response, 200, language, organisationId, organisation.name, form, {}, new Map());
  }

  private async submit(
    organisationId: string,
    form: KindFormName,
    query: Record<string, string>,
    request: FastifyRequest,
    response: FastifyReply,
  ): Promise<void> {
    const language = languageOf(query.lang);
    const organisation = isUUID(organisationId) ? await this.requestIntake.organisation(organisationId) : null;
    if (!organisation) return this.notFound(response, language);
    const text = KIND_FORM_TEXT[language];
    const fields = formFields(request.body);
    let submission;
    try {
      submission = await this.intake.submit(organisationId, KIND_OF[form], fields, request.ip);
    } catch (error) {
      if (error instanceof ApiException && error.code === ApiErrorCode.RateLimited) {
        return this.sendForm(response, 429, language, organisationId, organisation.name, form, fields, new Map(), text.rateLimited);
      }
      throw error;
    }
    if (submission.outcome === 'ignored') {
      const shell = this.shell(language, organisation.name, `/forms/${organisationId}/${form}`, text.thanksTitle);
      return sendPublicPage(response, 200, renderPage(shell, `<h1>${text.thanksTitle}</h1>`));
    }
    if (submission.outcome === 'invalid') {
      const expired = submission.problems.some((problem) => problem.field === 'form');
      const problems = new Map(
        expired
          ? []
          : submission.problems.map((problem) => [problem.field, problem.message === 'mobile' ? text.invalidPhone : text.required]),
      );
      return this.sendForm(
        response,
        400,
        language,
        organisationId,
        organisation.name,
        form,
        fields,
        problems,
        expired ? text.formExpired : undefined,
      );
    }
    const sent = submission.codeSentTo ? `&to=${encodeURIComponent(submission.codeSentTo)}` : '&error=not_sent';
    redirectAfterPost(response, withLanguage(`/forms/k/${submission.token}?received=1${sent}`, language));
  }

  private sendForm(
    response: FastifyReply,
    status: number,
    language: PageLanguage,
    organisationId: string,
    organisationName: string,
    form: KindFormName,
    typed: Record<string, string>,
    problems: Map<string, string>,
    notice?: string,
  ): void {
    const text = KIND_FORM_TEXT[language];
    const shell = this.shell(
      language,
      organisationName,
      `/forms/${organisationId}/${form}`,
      form === 'volunteering' ? text.volunteeringTitle : text.feedbackTitle,
    );
    sendPublicPage(
      response,
      status,
      renderKindForm(shell, { organisationId, form, token: this.intake.formToken(KIND_OF[form]), typed, problems, notice }),
    );
  }

  private shell(language: PageLanguage, organisationName: string, path: string, title: string): PageShell {
    return { language, organisationName, title, switchHref: withLanguage(path, language === 'ar' ? 'en' : 'ar') };
  }

  private notFound(response: FastifyReply, language: PageLanguage): void {
    const message = language === 'ar' ? 'الصفحة غير موجودة.' : 'This page does not exist.';
    sendPublicPage(
      response,
      404,
      renderPage({ language, organisationName: '', title: message, switchHref: '#' }, `<section class="card"><p>${message}</p></section>`),
    );
  }
}
