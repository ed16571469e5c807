export * from './create-inbox.dto';
export * from './inbox.entity';
export * from './inboxes.module';
export * from './inboxes.service';
export * from './update-inbox.dto';
