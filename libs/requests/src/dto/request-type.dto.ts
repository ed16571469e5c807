import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DateRule, DocumentKind, FieldKind } from '../definitions/request-form.types';

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const KEY_MESSAGE = 'must start with a letter and have at most 40 letters, digits or underscores';

export class ChoiceOptionDto {
  @ApiProperty({ example: 'rent' }) @IsString() @Matches(KEY, { message: `value ${KEY_MESSAGE}` }) value: string;
  @ApiProperty({ example: 'إيجار' }) @IsString() @IsNotEmpty() @MaxLength(200) labelAr: string;
  @ApiProperty({ example: 'Rent' }) @IsString() @IsNotEmpty() @MaxLength(200) labelEn: string;
}

export class SubFieldDefinitionDto {
  @ApiProperty({ example: 'name' }) @IsString() @Matches(KEY, { message: `key ${KEY_MESSAGE}` }) key: string;
  @ApiProperty({ example: 'الاسم' }) @IsString() @IsNotEmpty() @MaxLength(200) labelAr: string;
  @ApiProperty({ example: 'Name' }) @IsString() @IsNotEmpty() @MaxLength(200) labelEn: string;
  @ApiProperty({ enum: FieldKind, enumName: 'FieldKind' }) @IsEnum(FieldKind) kind: FieldKind;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiPropertyOptional({ enum: DateRule, enumName: 'DateRule' }) @IsOptional() @IsEnum(DateRule) dateRule?: DateRule;
  @ApiPropertyOptional({ type: [ChoiceOptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];
}

export class FieldDefinitionDto extends SubFieldDefinitionDto {
  @ApiPropertyOptional({ type: [SubFieldDefinitionDto], description: 'The sub-fields of a household group' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SubFieldDefinitionDto)
  fields?: SubFieldDefinitionDto[];
}

export class DocumentDefinitionDto {
  @ApiProperty({ example: 'lease' }) @IsString() @Matches(KEY, { message: `key ${KEY_MESSAGE}` }) key: string;
  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' }) @IsEnum(DocumentKind) kind: DocumentKind;
  @ApiProperty({ example: 'عقد الإيجار' }) @IsString() @IsNotEmpty() @MaxLength(200) labelAr: string;
  @ApiProperty({ example: 'Lease' }) @IsString() @IsNotEmpty() @MaxLength(200) labelEn: string;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiProperty({ description: 'The document carries an expiry date' }) @IsBoolean() hasExpiry: boolean;
}

export class SaveRequestTypeDto {
  @ApiProperty({ example: 'مساعدة إيجار' }) @IsString() @IsNotEmpty() @MaxLength(200) nameAr: string;
  @ApiProperty({ example: 'Rent support' }) @IsString() @IsNotEmpty() @MaxLength(200) nameEn: string;
  @ApiPropertyOptional({ description: 'Offered on the public form' }) @IsOptional() @IsBoolean() publicForm?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiProperty({ type: [FieldDefinitionDto] })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => FieldDefinitionDto)
  fields: FieldDefinitionDto[];
  @ApiProperty({ type: [DocumentDefinitionDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DocumentDefinitionDto)
  documents: DocumentDefinitionDto[];
}
