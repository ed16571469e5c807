import { TransactionRunner } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Organisation } from '../entities/organisation.entity';
import { UserRole } from '../entities/user-role.enum';
import { UsersService } from '../users/users.service';

@Injectable()
export class OrganisationsService {
  private readonly logger = new Logger(OrganisationsService.name);

  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(name: string): Promise<Organisation> {
    const organisation = this.organisations.create({ id: randomUUID(), name, locale: 'ar', conversationCounter: 0, createdAt: new Date() });
    await this.transactions.run((manager) => manager.insert(Organisation, organisation));
    return organisation;
  }

  async findFirst(): Promise<Organisation | null> {
    const [first] = await this.organisations.find({ order: { createdAt: 'ASC' }, take: 1 });
    return first ?? null;
  }

  async list(): Promise<Organisation[]> {
    return this.organisations.find({ order: { createdAt: 'ASC' } });
  }

  async findById(id: string): Promise<Organisation | null> {
    return this.organisations.findOneBy({ id });
  }

  // First start on an empty database: one organisation and its administrator, when credentials are configured.
  async bootstrap(input: { organisationName: string; adminEmail?: string; adminPassword?: string }): Promise<void> {
    if (!input.adminEmail || !input.adminPassword) return;
    if ((await this.organisations.count()) > 0) return;
    const organisation = await this.create(input.organisationName);
    const administrator = await this.users.create(organisation.id, {
      email: input.adminEmail,
      name: 'مدير النظام',
      role: UserRole.Admin,
      password: input.adminPassword,
    });
    // An e-mail address is personal data: the log names the account by its id.
    this.logger.log(`Created organisation "${organisation.name}" and its administrator ${administrator.id}`);
  }
}
