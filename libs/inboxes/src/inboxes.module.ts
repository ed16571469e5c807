import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxAccess } from './inbox-access.entity';
import { InboxAccessService } from './inbox-access.service';
import { Inbox } from './inbox.entity';
import { InboxesService } from './inboxes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Inbox, InboxAccess])],
  providers: [InboxesService, InboxAccessService],
  exports: [InboxesService, InboxAccessService],
})
export class InboxesModule {}
