import { AuditModule } from '@app/audit';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { RequestsModule } from '@app/requests';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactPrivacyService } from './contact-privacy.service';
import { RetentionPolicy } from './retention-policy.entity';
import { RetentionService } from './retention.service';

// Beneficiaries' PDPL rights (export, correction, erasure) and each organisation's retention of personal data.
@Module({
  imports: [TypeOrmModule.forFeature([RetentionPolicy]), ContactsModule, ConversationsModule, RequestsModule, AuditModule],
  providers: [ContactPrivacyService, RetentionService],
  exports: [ContactPrivacyService, RetentionService],
})
export class PrivacyModule {}
