import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AUDITED_READ, AuditedReadSpec, PersonalDataReadInterceptor } from './personal-data-read.interceptor';

// Writes one audit row after the route answered successfully (PDPL: every read of personal data is recorded).
export function AuditedRead(spec: AuditedReadSpec): MethodDecorator {
  return applyDecorators(SetMetadata(AUDITED_READ, spec), UseInterceptors(PersonalDataReadInterceptor));
}
