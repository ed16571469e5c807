import { AuditModule } from '@app/audit';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { Module } from '@nestjs/common';
import { ContactPrivacyService } from './contact-privacy.service';

// Beneficiaries' PDPL rights over what Wasl holds about them: export, correction, erasure.
@Module({
  imports: [ContactsModule, ConversationsModule, AuditModule],
  providers: [ContactPrivacyService],
  exports: [ContactPrivacyService],
})
export class PrivacyModule {}
