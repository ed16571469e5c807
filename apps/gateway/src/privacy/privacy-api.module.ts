import { PrivacyModule } from '@app/privacy';
import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';

// The staff routes of data-subject requests, kept out of the shared gateway module.
@Module({ imports: [PrivacyModule], controllers: [PrivacyController] })
export class PrivacyApiModule {}
