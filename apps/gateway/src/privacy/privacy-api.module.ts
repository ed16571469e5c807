import { PrivacyModule } from '@app/privacy';
import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { RetentionController } from './retention.controller';

// The staff routes of data-subject requests and retention, kept out of the shared gateway module.
@Module({ imports: [PrivacyModule], controllers: [PrivacyController, RetentionController] })
export class PrivacyApiModule {}
