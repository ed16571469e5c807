import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelTemplateRow } from './channel-template.entity';
import { ChannelTemplatesService } from './channel-templates.service';
import { InboxAccess } from './inbox-access.entity';
import { InboxAccessService } from './inbox-access.service';
import { Inbox } from './inbox.entity';
import { InboxesService } from './inboxes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Inbox, InboxAccess, ChannelTemplateRow])],
  providers: [InboxesService, InboxAccessService, ChannelTemplatesService],
  exports: [InboxesService, InboxAccessService, ChannelTemplatesService],
})
export class InboxesModule {}
