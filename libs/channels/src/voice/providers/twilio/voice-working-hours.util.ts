import { VoiceWorkingHoursDto } from './twilio-voice-settings.dto';

// Riyadh is UTC+3 all year (no daylight saving).
const RIYADH_OFFSET_MINUTES = 180;

export function isWithinVoiceWorkingHours(hours: VoiceWorkingHoursDto | undefined, at: Date): boolean {
  if (!hours) return true;
  const riyadh = new Date(at.getTime() + RIYADH_OFFSET_MINUTES * 60_000);
  if (!hours.days.includes(riyadh.getUTCDay())) return false;
  const minutes = riyadh.getUTCHours() * 60 + riyadh.getUTCMinutes();
  const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const opens = toMinutes(hours.opensAt);
  const closes = toMinutes(hours.closesAt);
  // A shift past midnight (20:00–02:00) wraps around.
  return opens <= closes ? minutes >= opens && minutes < closes : minutes >= opens || minutes < closes;
}
