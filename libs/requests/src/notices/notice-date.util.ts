// A day as the beneficiary reads it in a message: Umm al-Qura (the official Hijri calendar) and Gregorian, Latin
// digits so that numbers copy cleanly from an SMS. The day is a Riyadh date (YYYY-MM-DD), shown at its Riyadh noon.
const HIJRI = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'Asia/Riyadh',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const GREGORIAN = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', {
  timeZone: 'Asia/Riyadh',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const HIJRI_EN = new Intl.DateTimeFormat('en-GB-u-ca-islamic-umalqura', {
  timeZone: 'Asia/Riyadh',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const GREGORIAN_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Riyadh',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function noonInRiyadh(isoDate: string): Date {
  return new Date(`${isoDate}T09:00:00Z`);
}

export function formatNoticeDate(isoDate: string, language: 'ar' | 'en' = 'ar'): string {
  const day = noonInRiyadh(isoDate);
  return language === 'en'
    ? `${GREGORIAN_EN.format(day)} (${HIJRI_EN.format(day)})`
    : `${HIJRI.format(day)} الموافق ${GREGORIAN.format(day)}م`;
}
