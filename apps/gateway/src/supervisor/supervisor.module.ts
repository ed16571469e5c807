import { ConversationsModule } from '@app/conversations';
import { IdentityModule } from '@app/identity';
import { Module } from '@nestjs/common';
import { SupervisorOverviewController } from './supervisor-overview.controller';
import { SupervisorOverviewService } from './supervisor-overview.service';

// The supervisor's pages in the web app read from here (response targets and satisfaction come with their issue).
@Module({
  imports: [IdentityModule, ConversationsModule],
  controllers: [SupervisorOverviewController],
  providers: [SupervisorOverviewService],
})
export class SupervisorModule {}
