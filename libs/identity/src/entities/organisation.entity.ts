import { PrimaryUuidColumn, TimestampColumn } from '@app/database';
import { Column, Entity } from 'typeorm';

// How the staff app writes numbers in Arabic: Arabic-Indic (١٢٣) or Latin (123) digits.
export enum DigitStyle {
  ArabicIndic = 'arabic-indic',
  Latin = 'latin',
}

export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';

// An association. Every other row in Wasl carries its organisation_id.
@Entity('organisations')
export class Organisation {
  @PrimaryUuidColumn() id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 10, default: 'ar' }) locale: string;
  // An IANA zone: the staff app shows every date in it.
  @Column({ type: 'varchar', length: 64, default: DEFAULT_TIME_ZONE }) timeZone: string;
  @Column({ type: 'varchar', length: 20, default: DigitStyle.ArabicIndic }) digitStyle: DigitStyle;
  // Source of the human-friendly conversation numbers (#1, #2, …) of this organisation.
  @Column({ type: 'integer', default: 0 }) conversationCounter: number;
  @TimestampColumn() createdAt: Date;
}
