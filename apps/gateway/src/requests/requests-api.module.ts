import { AuditModule } from '@app/audit';
import { RequestsModule } from '@app/requests';
import { Module } from '@nestjs/common';
import { PublicRequestsController } from './public-requests.controller';
import { RequestConfigurationController } from './request-configuration.controller';
import { RequestsController } from './requests.controller';

// Support requests over HTTP: the staff API, the administrator's configuration and the beneficiary's public pages.
@Module({
  imports: [RequestsModule, AuditModule],
  controllers: [RequestsController, RequestConfigurationController, PublicRequestsController],
})
export class RequestsApiModule {}
