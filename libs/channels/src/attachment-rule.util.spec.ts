import { attachmentRuleProblems } from './attachment-rule.util';
import { CHANNELS } from './channel.registry';
import { ChannelKind } from './channel-kind.enum';

const MEGABYTE = 1024 * 1024;
const webChat = CHANNELS[ChannelKind.WebChat][0].attachments;
const twilio = CHANNELS[ChannelKind.Sms].find((definition) => definition.provider === 'twilio')!.attachments;
const pdf = (sizeBytes: number, fileName = 'تقرير.pdf') => ({ contentType: 'application/pdf', fileName, sizeBytes });

describe(attachmentRuleProblems.name, () => {
  it('should take files within the rule and a reply without files anywhere', () => {
    expect(
      attachmentRuleProblems(webChat, [pdf(MEGABYTE), { contentType: 'image/png', fileName: 'a.png', sizeBytes: 10 }], 'Web chat'),
    ).toEqual([]);
    expect(attachmentRuleProblems(null, [], 'Unifonic SMS')).toEqual([]);
  });

  it('should refuse any file on a channel that carries none, on `attachments`', () => {
    expect(attachmentRuleProblems(null, [pdf(10)], 'Unifonic SMS')).toEqual([
      { field: 'attachments', message: expect.stringContaining('Unifonic SMS cannot carry files') },
    ]);
  });

  it('should name the file that is too large, a type the channel does not carry, too many files and too much in all', () => {
    expect(attachmentRuleProblems(webChat, [pdf(6 * MEGABYTE, 'كبير.pdf')], 'Web chat')).toEqual([
      { field: 'attachments', message: 'كبير.pdf: Web chat carries files of at most 5 MB' },
    ]);
    expect(attachmentRuleProblems({ ...webChat!, contentTypes: ['image/png'] }, [pdf(10)], 'Web chat')[0].message).toBe(
      'تقرير.pdf: Web chat does not carry application/pdf',
    );
    const six = Array.from({ length: 6 }, (_, index) => pdf(10, `${index}.pdf`));
    expect(attachmentRuleProblems(webChat, six, 'Web chat')).toEqual([
      { field: 'attachments', message: 'Web chat carries at most 5 files in one reply' },
    ]);
    // Twilio counts all of one message's media against 5 MB.
    expect(attachmentRuleProblems(twilio, [pdf(3 * MEGABYTE, 'a.pdf'), pdf(3 * MEGABYTE, 'b.pdf')], 'Twilio SMS')).toEqual([
      { field: 'attachments', message: 'Twilio SMS carries at most 5 MB of files in one reply' },
    ]);
  });

  it('should hold a caption to its limit only where the text travels with a file', () => {
    const telegram = CHANNELS[ChannelKind.Telegram][0].attachments;
    expect(attachmentRuleProblems(telegram, [pdf(10)], 'Telegram', 'ن'.repeat(1024))).toEqual([]);
    expect(attachmentRuleProblems(telegram, [pdf(10)], 'Telegram', 'ن'.repeat(1025))).toEqual([
      { field: 'text', message: expect.stringContaining('at most 1024 characters') },
    ]);
    expect(attachmentRuleProblems(telegram, [], 'Telegram', 'ن'.repeat(4000))).toEqual([]);
    expect(attachmentRuleProblems(webChat, [pdf(10)], 'Web chat', 'ن'.repeat(4000))).toEqual([]);
  });
});
