import { AuditAction, AuditService } from '@app/audit';
import { ApiErrorCode, ApiException, FieldProblem } from '@app/common';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Not, Repository } from 'typeorm';
import { DocumentDefinition, FieldDefinition, FieldKind, RequestForm } from '../definitions/request-form.types';
import { SaveRequestTypeDto, SubFieldDefinitionDto } from '../dto/request-type.dto';
import { RequestType, RequestTypeVersion } from '../entities/request-type.entity';

export interface RequestTypeView {
  id: string;
  nameAr: string;
  nameEn: string;
  publicForm: boolean;
  active: boolean;
  version: number;
  versionId: string;
  form: RequestForm;
  updatedAt: Date;
}

function fieldProblems(fields: SubFieldDefinitionDto[], path: string, nested: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const at = `${path}.${index}`;
    if (seen.has(field.key)) problems.push({ field: `${at}.key`, message: 'is used by another field' });
    seen.add(field.key);
    if (field.kind === FieldKind.Choice && !(field.options?.length ?? 0))
      problems.push({ field: `${at}.options`, message: 'must list the choices' });
    if (field.kind !== FieldKind.Choice && field.options) problems.push({ field: `${at}.options`, message: 'is only for choice fields' });
    if (field.dateRule && field.kind !== FieldKind.Date) problems.push({ field: `${at}.dateRule`, message: 'is only for date fields' });
    const subFields = (field as { fields?: SubFieldDefinitionDto[] }).fields;
    if (field.kind === FieldKind.Household) {
      if (nested) problems.push({ field: `${at}.kind`, message: 'a household group cannot hold another' });
      else if (!subFields?.length) problems.push({ field: `${at}.fields`, message: 'must list the sub-fields of a household member' });
      else problems.push(...fieldProblems(subFields, `${at}.fields`, true));
    } else if (subFields) problems.push({ field: `${at}.fields`, message: 'is only for household groups' });
  });
  return problems;
}

function toForm(input: SaveRequestTypeDto): RequestForm {
  const field = (definition: SubFieldDefinitionDto & { fields?: SubFieldDefinitionDto[] }): FieldDefinition => ({
    key: definition.key,
    labelAr: definition.labelAr.trim(),
    labelEn: definition.labelEn.trim(),
    kind: definition.kind,
    required: definition.required,
    ...(definition.dateRule ? { dateRule: definition.dateRule } : {}),
    ...(definition.options ? { options: definition.options.map(({ value, labelAr, labelEn }) => ({ value, labelAr, labelEn })) } : {}),
    ...(definition.fields ? { fields: definition.fields.map(field) } : {}),
  });
  const documents: DocumentDefinition[] = input.documents.map(({ key, kind, labelAr, labelEn, required, hasExpiry }) => ({
    key,
    kind,
    labelAr: labelAr.trim(),
    labelEn: labelEn.trim(),
    required,
    hasExpiry,
  }));
  return { fields: input.fields.map(field), documents };
}

// Request types and their versions. Saving a type writes a new immutable version; requests keep theirs.
@Injectable()
export class RequestTypesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @InjectRepository(RequestType) private readonly types: Repository<RequestType>,
    @InjectRepository(RequestTypeVersion) private readonly versions: Repository<RequestTypeVersion>,
  ) {}

  async list(organisationId: string, options: { activeOnly?: boolean; publicOnly?: boolean } = {}): Promise<RequestTypeView[]> {
    const types = await this.types.find({
      where: {
        organisationId,
        ...(options.activeOnly ? { active: true } : {}),
        ...(options.publicOnly ? { publicForm: true, active: true } : {}),
      },
      order: { nameAr: 'ASC' },
    });
    const versions =
      types.length > 0 ? await this.versions.findBy(types.map((type) => ({ id: type.currentVersionId, organisationId }))) : [];
    return types.map((type) =>
      this.toView(
        type,
        versions.find((version) => version.id === type.currentVersionId)!,
      ),
    );
  }

  async get(organisationId: string, typeId: string): Promise<RequestTypeView> {
    const type = await this.types.findOneBy({ id: typeId, organisationId });
    if (!type) throw ApiException.notFound('Request type');
    const version = await this.versions.findOneByOrFail({ id: type.currentVersionId, organisationId });
    return this.toView(type, version);
  }

  async version(organisationId: string, versionId: string): Promise<RequestTypeVersion> {
    const version = await this.versions.findOneBy({ id: versionId, organisationId });
    if (!version) throw ApiException.notFound('Request type version');
    return version;
  }

  async save(user: AuthenticatedUser, input: SaveRequestTypeDto, typeId?: string): Promise<RequestTypeView> {
    const problems = [
      ...fieldProblems(input.fields, 'fields', false),
      ...input.documents.flatMap((document, index, all) =>
        all.findIndex((other) => other.key === document.key) !== index
          ? [{ field: `documents.${index}.key`, message: 'is used by another document' }]
          : [],
      ),
    ];
    if (problems.length > 0) throw ApiException.validation(problems);
    const organisationId = user.organisationId;
    const nameAr = input.nameAr.trim();
    const now = new Date();
    const form = toForm(input);
    const { type, version } = await this.transactions.run(async (manager) => {
      const existing = typeId ? await manager.findOneBy(RequestType, { id: typeId, organisationId }) : null;
      if (typeId && !existing) throw ApiException.notFound('Request type');
      if (await manager.existsBy(RequestType, { organisationId, nameAr, ...(typeId ? { id: Not(typeId) } : {}) })) {
        throw new ApiException(ApiErrorCode.Conflict, 'A request type with this name already exists', [
          { field: 'nameAr', message: 'is already used' },
        ]);
      }
      const id = existing?.id ?? randomUUID();
      const version: RequestTypeVersion = {
        id: randomUUID(),
        organisationId,
        requestTypeId: id,
        version: (existing?.version ?? 0) + 1,
        nameAr,
        nameEn: input.nameEn.trim(),
        form,
        createdById: user.id,
        createdAt: now,
      };
      const type: RequestType = {
        id,
        organisationId,
        nameAr,
        nameEn: version.nameEn,
        publicForm: input.publicForm ?? existing?.publicForm ?? false,
        active: input.active ?? existing?.active ?? true,
        version: version.version,
        currentVersionId: version.id,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await manager.insert(RequestTypeVersion, version);
      if (existing) await manager.update(RequestType, { id }, type);
      else await manager.insert(RequestType, type);
      await this.audit.record(
        {
          organisationId,
          actorUserId: user.id,
          action: AuditAction.RequestTypeSaved,
          subjectType: 'request_type',
          subjectId: id,
          details: { version: version.version },
        },
        manager,
      );
      return { type, version };
    });
    return this.toView(type, version);
  }

  private toView(type: RequestType, version: RequestTypeVersion): RequestTypeView {
    return {
      id: type.id,
      nameAr: type.nameAr,
      nameEn: type.nameEn,
      publicForm: type.publicForm,
      active: type.active,
      version: type.version,
      versionId: version.id,
      form: version.form,
      updatedAt: type.updatedAt,
    };
  }
}
