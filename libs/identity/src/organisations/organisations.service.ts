import { ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { DEFAULT_TIME_ZONE, DigitStyle, Organisation } from '../entities/organisation.entity';
import { UserRole } from '../entities/user-role.enum';
import { UsersService } from '../users/users.service';

// What the staff app needs of its organisation: its name and how it shows dates and numbers.
export interface OrganisationSettingsView {
  id: string;
  name: string;
  timeZone: string;
  digitStyle: DigitStyle;
}

export interface OrganisationSettingsChange {
  name?: string;
  timeZone?: string;
  digitStyle?: DigitStyle;
}

@Injectable()
export class OrganisationsService {
  private readonly logger = new Logger(OrganisationsService.name);

  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(name: string): Promise<Organisation> {
    const organisation = this.organisations.create({
      id: randomUUID(),
      name,
      locale: 'ar',
      timeZone: DEFAULT_TIME_ZONE,
      digitStyle: DigitStyle.ArabicIndic,
      conversationCounter: 0,
      createdAt: new Date(),
    });
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

  async settings(organisationId: string): Promise<OrganisationSettingsView> {
    const organisation = await this.organisations.findOneBy({ id: organisationId });
    if (!organisation) throw ApiException.notFound('Organisation');
    return this.toSettingsView(organisation);
  }

  // Answers the settings after the change, and which of them changed.
  async updateSettings(
    organisationId: string,
    change: OrganisationSettingsChange,
  ): Promise<{ settings: OrganisationSettingsView; changed: string[] }> {
    const organisation = await this.organisations.findOneBy({ id: organisationId });
    if (!organisation) throw ApiException.notFound('Organisation');
    const patch: Partial<Pick<Organisation, 'name' | 'timeZone' | 'digitStyle'>> = {};
    if (change.name !== undefined && change.name.trim() !== organisation.name) patch.name = change.name.trim();
    if (change.timeZone !== undefined && change.timeZone !== organisation.timeZone) patch.timeZone = change.timeZone;
    if (change.digitStyle !== undefined && change.digitStyle !== organisation.digitStyle) patch.digitStyle = change.digitStyle;
    // Only these columns: the conversation counter is moved by the worker at the same time.
    if (Object.keys(patch).length > 0) {
      await this.transactions.run((manager) => manager.update(Organisation, { id: organisationId }, patch));
    }
    return { settings: this.toSettingsView({ ...organisation, ...patch }), changed: Object.keys(patch) };
  }

  private toSettingsView(organisation: Organisation): OrganisationSettingsView {
    const { id, name, timeZone, digitStyle } = organisation;
    return { id, name, timeZone, digitStyle };
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

  // The name a notice to a beneficiary is signed with; inside the caller's transaction when it gives one.
  async nameOf(organisationId: string, manager?: EntityManager): Promise<string | null> {
    const organisation = await (manager ?? this.organisations.manager).findOne(Organisation, {
      select: { id: true, name: true },
      where: { id: organisationId },
    });
    return organisation?.name ?? null;
  }
}
