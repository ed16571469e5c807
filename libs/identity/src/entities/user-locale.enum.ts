// The languages of the staff web app: Arabic first (right to left), English.
export enum UserLocale {
  Arabic = 'ar',
  English = 'en',
}
