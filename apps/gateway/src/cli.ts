import 'reflect-metadata';
import { AuditAction, AuditService } from '@app/audit';
import { ConfigModule, ConfigurationError, loadConfig, loadDotEnv, WaslConfig } from '@app/config';
import { DatabaseModule, migrateApplication } from '@app/database';
import { ALL_ROLES, IdentityModule, OrganisationsService, UserRole, UsersService } from '@app/identity';
import { QueueModule } from '@app/queue';
import { createAttachmentStore, DiskAttachmentStore, moveAttachmentsToObjectStore } from '@app/storage';
import { DynamicModule, HttpException, Module, OnModuleDestroy } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';

const USAGE = `Usage:
  npm run cli -- users:create --email EMAIL --name NAME --role ${ALL_ROLES.join('|')} --password PASSWORD [--organisation ID]
  npm run cli -- organisations:create --name NAME
  npm run cli -- organisations:list
  npm run cli -- attachments:move-to-object-store [--keep-on-disk]`;

@Module({})
class CliModule {
  static forRoot(config: WaslConfig): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), QueueModule.forRoot(), IdentityModule] };
  }
}

async function main(): Promise<number> {
  loadDotEnv();
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      organisation: { type: 'string' },
      'keep-on-disk': { type: 'boolean' },
    },
  });
  const config = loadConfig();
  if (command === 'attachments:move-to-object-store') return moveAttachments(config, values['keep-on-disk'] === true);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'] });
  try {
    await migrateApplication(app);
    const organisations = app.get(OrganisationsService);
    switch (command) {
      case 'organisations:create': {
        if (!values.name) break;
        const organisation = await organisations.create(values.name);
        console.log(`Created organisation ${organisation.id} (${organisation.name})`);
        return 0;
      }
      case 'organisations:list': {
        for (const organisation of await organisations.list()) console.log(`${organisation.id}\t${organisation.name}`);
        return 0;
      }
      case 'users:create': {
        if (!values.email || !values.name || !values.password || !ALL_ROLES.includes(values.role as UserRole)) break;
        const organisation = values.organisation ? await organisations.findById(values.organisation) : await organisations.findFirst();
        if (!organisation) {
          console.error('No such organisation. Create one first: npm run cli -- organisations:create --name NAME');
          return 1;
        }
        const user = await app.get(UsersService).create(organisation.id, {
          email: values.email,
          name: values.name,
          role: values.role as UserRole,
          password: values.password,
        });
        // No staff member acted: the audit row names the CLI instead of an actor.
        await app.get(AuditService).record({
          organisationId: organisation.id,
          actorUserId: null,
          action: AuditAction.UserCreated,
          subjectType: 'user',
          subjectId: user.id,
          details: { role: user.role, via: 'cli' },
        });
        console.log(`Created ${user.role} ${user.email} (${user.id}) in ${organisation.name}`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } catch (error) {
    if (error instanceof HttpException) {
      console.error(JSON.stringify(error.getResponse()));
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

// Copies every file under ATTACHMENT_DIRECTORY to the configured object store, verifies each copy and removes the
// file from disk; run it again after an interruption, it finishes what is left.
async function moveAttachments(config: WaslConfig, keepOnDisk: boolean): Promise<number> {
  if (config.attachments.store !== 's3') {
    console.error('Set ATTACHMENT_STORE=s3 and the S3_* keys first: the files move to the store this configuration names.');
    return 1;
  }
  const source = new DiskAttachmentStore(config.attachments.directory);
  const target = await createAttachmentStore(config.attachments);
  try {
    const figures = await moveAttachmentsToObjectStore(source, target, {
      keepOnDisk,
      onFailure: (key, reason) => console.error(`Not moved: ${key} (${reason})`),
    });
    console.log(
      `${figures.found} files in ${config.attachments.directory}: ${figures.copied} copied and verified, ${figures.alreadyThere} already in the bucket, ${figures.removedFromDisk} removed from disk, ${figures.failed} failed`,
    );
    return figures.failed > 0 ? 1 : 0;
  } finally {
    (target as Partial<OnModuleDestroy>).onModuleDestroy?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error);
    process.exit(1);
  },
);
