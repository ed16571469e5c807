import { ApiErrorCode, ApiException, FieldProblem } from '@app/common';
import { WaslConfig } from '@app/config';
import { TransactionRunner } from '@app/database';
import { OrganisationsService } from '@app/identity';
import type { Organisation } from '@app/identity/entities';
import { Injectable, Logger } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { FieldKind, HouseholdRow, RequestForm } from '../definitions/request-form.types';
import { SupportRequest } from '../entities/support-request.entity';
import { NoticeTemplate } from '../notices/beneficiary-notice.templates';
import { BeneficiaryNotifier } from '../notices/beneficiary-notifier.service';
import { CodeSmsSender, maskedPhone } from '../notices/code-sms-sender.service';
import { MAX_HOUSEHOLD_ROWS } from '../validation/request-values.util';
import { saudiMobileNumber } from '../validation/saudi-mobile.util';
import { westernDigits } from '../validation/western-digits.util';
import { OneTimeCodesService } from './one-time-codes.service';
import {
  CODES_PER_PHONE,
  CODES_PER_REQUEST,
  FORM_SUBMISSIONS_PER_ADDRESS,
  FORM_SUBMISSIONS_PER_PHONE,
  RequestRateLimiter,
} from './request-rate-limiter.service';
import { RequestLinksService } from './request-links.service';
import { RequestRecorder } from './request-recorder.service';
import { RequestSettingsService } from './request-settings.service';
import { RequestTypesService } from './request-types.service';
import { RequestWorkflowService } from './request-workflow.service';
import { SupportRequestsService } from './support-requests.service';

// A person fills the form in a few minutes; a script in under a second. A page left open past this must be reloaded.
const MIN_FILL_MILLISECONDS = 3_000;
const MAX_FILL_MILLISECONDS = 3 * 3_600_000;
// The field a person never sees (hidden by the stylesheet) and a script fills in.
export const HONEYPOT_FIELD = 'website';
export const FORM_TOKEN_FIELD = 'started';

export type FormFields = Record<string, string | string[] | undefined>;

export type PublicSubmission =
  | { outcome: 'created'; request: SupportRequest; statusToken: string; codeSentTo: string | null }
  // A filled honeypot: answered like a success, so the script learns nothing, and nothing is stored.
  | { outcome: 'ignored' }
  | { outcome: 'invalid'; problems: FieldProblem[] };

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : (value ?? '')).trim();
}

// Form field names: v.<key> for a field, v.<key>.<row>.<sub-key> for a household member's.
export function valuesFromForm(form: RequestForm, fields: FormFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (field.kind === FieldKind.Household) {
      const rows: HouseholdRow[] = [];
      for (let index = 0; index < MAX_HOUSEHOLD_ROWS; index += 1) {
        const row: HouseholdRow = {};
        for (const subField of field.fields ?? []) {
          const value = single(fields[`v.${field.key}.${index}.${subField.key}`]);
          if (value) row[subField.key] = value;
        }
        if (Object.keys(row).length > 0) rows.push(row);
      }
      if (rows.length > 0) values[field.key] = rows;
    } else {
      const value = single(fields[`v.${field.key}`]);
      if (value) values[field.key] = value;
    }
  }
  return values;
}

// The association's public request form (served by the gateway, also linked from the web-chat widget): spam kept out
// by a honeypot, a signed time token and rate limits per address and per number; the number typed is a claim, proven
// by a code sent to it by SMS.
@Injectable()
export class PublicRequestIntakeService {
  private readonly logger = new Logger(PublicRequestIntakeService.name);
  private readonly tokenKey: Buffer;

  constructor(
    config: WaslConfig,
    private readonly transactions: TransactionRunner,
    private readonly types: RequestTypesService,
    private readonly requests: SupportRequestsService,
    private readonly workflow: RequestWorkflowService,
    private readonly settings: RequestSettingsService,
    private readonly rateLimiter: RequestRateLimiter,
    private readonly codes: OneTimeCodesService,
    private readonly codeSender: CodeSmsSender,
    private readonly links: RequestLinksService,
    private readonly recorder: RequestRecorder,
    private readonly notifier: BeneficiaryNotifier,
    private readonly organisations: OrganisationsService,
  ) {
    this.tokenKey = createHmac('sha256', config.security.jwtSecret).update('wasl-public-form-v1').digest();
  }

  async organisation(organisationId: string): Promise<Organisation | null> {
    return this.organisations.findById(organisationId);
  }

  // When the form was served, signed: a submission must come at least a few seconds and at most a few hours later.
  formToken(typeId: string, now = Date.now()): string {
    return `${now}.${createHmac('sha256', this.tokenKey).update(`${typeId}|${now}`).digest('base64url')}`;
  }

  formTokenAge(typeId: string, token: string, now = Date.now()): number | undefined {
    const [issued, signature] = token.split('.');
    if (!issued || !signature || !/^\d{13}$/.test(issued)) return undefined;
    const expected = Buffer.from(createHmac('sha256', this.tokenKey).update(`${typeId}|${issued}`).digest('base64url'));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return now - Number(issued);
  }

  async submit(organisationId: string, typeId: string, fields: FormFields, address: string): Promise<PublicSubmission> {
    if (single(fields[HONEYPOT_FIELD])) return { outcome: 'ignored' };
    const age = this.formTokenAge(typeId, single(fields[FORM_TOKEN_FIELD]));
    if (age === undefined || age < MIN_FILL_MILLISECONDS || age > MAX_FILL_MILLISECONDS) {
      return { outcome: 'invalid', problems: [{ field: 'form', message: 'expired' }] };
    }
    const type = await this.types.get(organisationId, typeId);
    if (!type.active || !type.publicForm) throw ApiException.notFound('Request type');
    const name = single(fields.name).slice(0, 200);
    const phone = saudiMobileNumber(single(fields.phone));
    const problems: FieldProblem[] = [];
    if (!name) problems.push({ field: 'name', message: 'required' });
    if (!phone) problems.push({ field: 'phone', message: 'mobile' });
    if (problems.length > 0) return { outcome: 'invalid', problems };
    if (
      !(await this.rateLimiter.allows(`form-address:${organisationId}:${address}`, FORM_SUBMISSIONS_PER_ADDRESS)) ||
      !(await this.rateLimiter.allows(`form-phone:${organisationId}:${phone}`, FORM_SUBMISSIONS_PER_PHONE))
    ) {
      throw new ApiException(ApiErrorCode.RateLimited, 'Too many requests from here; try again in an hour');
    }
    let request: SupportRequest;
    try {
      request = await this.requests.createFromPublicForm(organisationId, {
        typeId,
        name,
        phone: phone!,
        values: valuesFromForm(type.form, fields),
      });
    } catch (error) {
      if (error instanceof ApiException && error.fields) return { outcome: 'invalid', problems: error.fields };
      throw error;
    }
    const codeSentTo = await this.sendVerificationCode(request, phone!).catch((error: Error) => {
      // The request stands; the beneficiary may ask for the code again on their page.
      this.logger.warn(`Verification code for request ${request.id} not sent: ${error.message}`);
      return null;
    });
    return { outcome: 'created', request, statusToken: this.links.token(organisationId, request.id, 'status'), codeSentTo };
  }

  async resendVerificationCode(organisationId: string, requestId: string): Promise<string> {
    const { request, phone } = await this.transactions.run(async (manager) => {
      const request = await manager.findOneByOrFail(SupportRequest, { id: requestId, organisationId });
      const view = await this.requests.buildView(manager, request);
      return { request, phone: view.contact.phone && !view.contact.phoneVerified ? saudiMobileNumber(view.contact.phone) : undefined };
    });
    if (!phone)
      throw new ApiException(ApiErrorCode.Conflict, 'The mobile number is verified already', [{ field: 'phone', message: 'verified' }]);
    return this.sendVerificationCode(request, phone);
  }

  private async sendVerificationCode(request: SupportRequest, phone: string): Promise<string> {
    if (
      !(await this.rateLimiter.allows(`verify:${request.id}`, CODES_PER_REQUEST)) ||
      !(await this.rateLimiter.allows(`code-phone:${phone}`, CODES_PER_PHONE))
    ) {
      throw new ApiException(ApiErrorCode.RateLimited, 'Too many codes sent; wait a few minutes');
    }
    const settings = await this.transactions.run((manager) => this.settings.load(manager, request.organisationId));
    const organisation = await this.organisation(request.organisationId);
    const code = await this.codes.issue('verify-phone', request.id, phone);
    const text = `رمز التحقق لطلبك رقم ${request.number} لدى ${organisation?.name ?? ''}: ${code}\nأدخله في صفحة طلبك: ${this.links.url(request.organisationId, request.id, 'status')}`;
    try {
      await this.codeSender.send(request.organisationId, settings.smsInboxId, phone, text);
    } catch (error) {
      await this.codes.forget('verify-phone', request.id);
      throw error;
    }
    return maskedPhone(phone);
  }

  // The beneficiary entered the code sent to the number they typed: the number is theirs, and the request's contact
  // holds it as an identity (or joins the contact it already identified).
  async verifyPhone(organisationId: string, requestId: string, code: string): Promise<void> {
    const digits = westernDigits(code.trim());
    if (!/^\d{6}$/.test(digits)) throw ApiException.validation([{ field: 'code', message: 'must be the 6 digits sent by SMS' }]);
    const checked = await this.codes.check('verify-phone', requestId, digits);
    if (!checked.ok) {
      throw ApiException.validation([
        { field: 'code', message: checked.reason === 'wrong' ? 'is not the code sent' : 'has expired or was used; ask for a new one' },
      ]);
    }
    await this.transactions.run(async (manager) => {
      const request = await manager.findOneByOrFail(SupportRequest, { id: requestId, organisationId });
      const contactId = await this.workflow.provePhone(manager, request, checked.phone);
      if (contactId !== request.contactId) {
        await manager.update(SupportRequest, { id: request.id }, { contactId, updatedAt: new Date() });
        request.contactId = contactId;
      }
      await this.recorder.publish(manager, request);
    });
    // Notices could not go to a number that was only a claim; now it is proven, the first one goes.
    await this.notifier
      .notify(organisationId, requestId, NoticeTemplate.Received, { link: this.links.url(organisationId, requestId, 'status') })
      .catch((error: Error) => this.logger.warn(`Received notice of request ${requestId} failed: ${error.message}`));
  }
}
