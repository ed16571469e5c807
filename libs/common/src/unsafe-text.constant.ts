// What normaliseText never lets through: tests and checks over stored rows look for it.
export const UNSAFE_TEXT = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
