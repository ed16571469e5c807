import { formatDecisionDate, MISSING_VALUE_PLACEHOLDER, renderCannedReply, templateProblems } from './canned-reply-template.util';

const RIYADH = { timeZone: 'Asia/Riyadh' };

describe(renderCannedReply.name, () => {
  it('should fill every variable, with spaces inside the braces allowed', () => {
    const rendered = renderCannedReply(
      'أهلاً {{contact.name}}، طلبك رقم {{ request.number }} في المحادثة {{conversation.number}}. {{officer.name}}',
      { 'contact.name': 'سارة القحطاني', 'request.number': 'R-2026-0042', 'conversation.number': 17, 'officer.name': 'نورة' },
      { language: 'ar', ...RIYADH },
    );
    expect(rendered).toEqual({ text: 'أهلاً سارة القحطاني، طلبك رقم R-2026-0042 في المحادثة 17. نورة', missing: [] });
  });

  it('should leave a visible blank for a value the conversation does not have, and say which', () => {
    const rendered = renderCannedReply(
      'Dear {{contact.name}}, request {{request.number}} was decided on {{decision.date}}; ask about {{request.number}}.',
      { 'contact.name': '  ', 'decision.date': null },
      { language: 'en', ...RIYADH },
    );
    expect(rendered.missing).toEqual(['contact.name', 'request.number', 'decision.date']);
    expect(rendered.text).toBe(
      `Dear ${MISSING_VALUE_PLACEHOLDER}, request ${MISSING_VALUE_PLACEHOLDER} was decided on ${MISSING_VALUE_PLACEHOLDER}; ask about ${MISSING_VALUE_PLACEHOLDER}.`,
    );
    expect(rendered.text).not.toMatch(/undefined|null/);
  });

  it('should write a decision date in the Umm al-Qura and Gregorian calendars, in Riyadh’s day', () => {
    // 21:30 UTC on 19 February is already 20 February in Riyadh.
    const decided = new Date('2026-02-19T21:30:00Z');
    expect(renderCannedReply('صدر القرار في {{decision.date}}', { 'decision.date': decided }, { language: 'ar', ...RIYADH }).text).toBe(
      'صدر القرار في ٣ رمضان ١٤٤٧ هـ الموافق ٢٠ فبراير ٢٠٢٦م',
    );
    expect(formatDecisionDate(decided, 'en', 'Asia/Riyadh')).toBe('20 February 2026 (3 Ramadan 1447 AH)');
  });
});

describe(templateProblems.name, () => {
  it('should accept the known variables', () => {
    expect(templateProblems('{{contact.name}} {{conversation.number}} {{request.number}} {{decision.date}} {{officer.name}}')).toEqual([]);
  });

  it('should name each unknown variable once', () => {
    expect(templateProblems('{{contact.phone}} {{contact.phone}} {{ رقم }}')).toEqual([
      'unknown variables {{contact.phone}}, {{رقم}}; known: {{contact.name}}, {{conversation.number}}, {{request.number}}, {{decision.date}}, {{officer.name}}',
    ]);
  });

  it('should refuse braces that are not a whole variable', () => {
    expect(templateProblems('أهلاً {{contact.name')).toEqual(['has a {{ or }} that is not part of a variable']);
    expect(templateProblems('أهلاً }}')).toEqual(['has a {{ or }} that is not part of a variable']);
  });
});
