import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Inbox } from './inbox.entity';
import { InboxesService } from './inboxes.service';

@Module({ imports: [TypeOrmModule.forFeature([Inbox])], providers: [InboxesService], exports: [InboxesService] })
export class InboxesModule {}
