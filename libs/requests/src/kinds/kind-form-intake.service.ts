import { ApiErrorCode, ApiException, FieldProblem } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, PublicRequestIntakeService } from '../services/public-request-intake.service';
import { RequestLinksService } from '../services/request-links.service';
import { FORM_SUBMISSIONS_PER_ADDRESS, FORM_SUBMISSIONS_PER_PHONE, RequestRateLimiter } from '../services/request-rate-limiter.service';
import { saudiMobileNumber } from '../validation/saudi-mobile.util';
import { KindRequestsService } from './kind-requests.service';
import { FeedbackType, RequestKind } from './request-kind.enum';

const MIN_FILL_MILLISECONDS = 3_000;
const MAX_FILL_MILLISECONDS = 3 * 3_600_000;
const AVAILABILITY = ['weekdays', 'weekends', 'evenings'];

export type KindFormKind = RequestKind.Volunteering | RequestKind.Feedback;

export type KindFormSubmission =
  | { outcome: 'created'; recordId: string; token: string; codeSentTo: string | null }
  | { outcome: 'ignored' }
  | { outcome: 'invalid'; problems: FieldProblem[] };

function single(fields: Record<string, string | string[] | undefined>, name: string, limit = 200): string {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : (value ?? '')).trim().slice(0, limit);
}

// The public volunteering and feedback forms, kept from spam as the support-request form is: a honeypot, a signed
// time token, and limits per address and per number. The number typed is a claim; a code sent to it proves it, so the
// answer can reach it.
@Injectable()
export class KindFormIntakeService {
  private readonly logger = new Logger(KindFormIntakeService.name);

  constructor(
    private readonly requestIntake: PublicRequestIntakeService,
    private readonly records: KindRequestsService,
    private readonly rateLimiter: RequestRateLimiter,
    private readonly links: RequestLinksService,
  ) {}

  formToken(kind: KindFormKind): string {
    return this.requestIntake.formToken(`kind-${kind}`);
  }

  async submit(
    organisationId: string,
    kind: KindFormKind,
    fields: Record<string, string | string[] | undefined>,
    address: string,
  ): Promise<KindFormSubmission> {
    if (single(fields, HONEYPOT_FIELD)) return { outcome: 'ignored' };
    const age = this.requestIntake.formTokenAge(`kind-${kind}`, single(fields, FORM_TOKEN_FIELD));
    if (age === undefined || age < MIN_FILL_MILLISECONDS || age > MAX_FILL_MILLISECONDS) {
      return { outcome: 'invalid', problems: [{ field: 'form', message: 'expired' }] };
    }
    const name = single(fields, 'name');
    const phone = saudiMobileNumber(single(fields, 'phone', 40));
    const problems: FieldProblem[] = [];
    if (!name) problems.push({ field: 'name', message: 'required' });
    if (!phone) problems.push({ field: 'phone', message: 'mobile' });
    let details: string;
    let feedbackType: FeedbackType | undefined;
    const data: Record<string, string> = {};
    if (kind === RequestKind.Volunteering) {
      details = single(fields, 'skills', 4_000);
      if (!details) problems.push({ field: 'skills', message: 'required' });
      const availability = single(fields, 'availability');
      if (!AVAILABILITY.includes(availability)) problems.push({ field: 'availability', message: 'required' });
      data.availability = availability;
      const city = single(fields, 'city');
      if (city) data.city = city;
      const motivation = single(fields, 'motivation', 4_000);
      if (motivation) data.motivation = motivation;
    } else {
      details = single(fields, 'details', 4_000);
      if (!details) problems.push({ field: 'details', message: 'required' });
      const typed = single(fields, 'feedbackType');
      if (typed === FeedbackType.Suggestion || typed === FeedbackType.Complaint) feedbackType = typed;
      else problems.push({ field: 'feedbackType', message: 'required' });
    }
    if (problems.length > 0) return { outcome: 'invalid', problems };
    if (
      !(await this.rateLimiter.allows(`kind-form-address:${organisationId}:${address}`, FORM_SUBMISSIONS_PER_ADDRESS)) ||
      !(await this.rateLimiter.allows(`kind-form-phone:${organisationId}:${phone}`, FORM_SUBMISSIONS_PER_PHONE))
    ) {
      throw new ApiException(ApiErrorCode.RateLimited, 'Too many submissions from here; try again in an hour');
    }
    const record = await this.records.submitPublic(organisationId, kind, { name, phone: phone!, details, feedbackType, data });
    const codeSentTo = await this.records.sendVerificationCode(organisationId, record.id).catch((error: Error) => {
      // The record stands; the team can still call the number.
      this.logger.warn(`Verification code for ${kind} ${record.id} not sent: ${error.message}`);
      return null;
    });
    return { outcome: 'created', recordId: record.id, token: this.links.token(organisationId, record.id, 'kind'), codeSentTo };
  }
}
