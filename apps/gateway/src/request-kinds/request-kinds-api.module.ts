import { RequestsModule } from '@app/requests';
import { Module } from '@nestjs/common';
import { KindRequestsController } from './kind-requests.controller';
import { PublicKindFormsController } from './public-kind-forms.controller';

// Volunteering, suggestions and complaints, and internal requests over HTTP: the staff API and the public forms.
@Module({
  imports: [RequestsModule],
  controllers: [KindRequestsController, PublicKindFormsController],
})
export class RequestKindsApiModule {}
