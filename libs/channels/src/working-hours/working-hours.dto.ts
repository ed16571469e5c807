import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsTimeZone, Matches, Max, MaxLength, Min } from 'class-validator';

// When an inbox's officers work, for every channel that answers differently out of hours (web chat's automatic
// reply, voice's greeting and voicemail). Each field may be left out; withWorkingHoursDefaults fills the Saudi week.
export class WorkingHoursDto {
  // An IANA zone; Saudi associations work on Asia/Riyadh time whatever the server's clock says. Checked against the
  // runtime's time-zone database: a zone it does not know would silently break every out-of-hours answer.
  @IsOptional() @IsString() @MaxLength(60) @IsTimeZone({ message: 'must be an IANA time zone such as Asia/Riyadh' }) timeZone?: string;
  // 0 is Sunday … 6 is Saturday; the Saudi working week is Sunday to Thursday. A shift past midnight belongs to the
  // day it starts.
  @IsOptional() @IsArray() @ArrayMaxSize(7) @IsInt({ each: true }) @Min(0, { each: true }) @Max(6, { each: true }) days?: number[];
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM, 00:00 to 23:59' }) from?: string;
  // Before `from` means the shift runs past midnight (22:00 to 02:00); 24:00 is the end of the day.
  @IsOptional() @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'must be HH:MM, 00:00 to 24:00' }) to?: string;
}

export type WorkingHours = Required<WorkingHoursDto>;
