// A PDF whose text layer stores each line as one string in drawing order (left to right) with Arabic presentation
// forms, as older producers and some printer drivers write it. The font is a standard one with a ToUnicode map from
// one-byte codes to the strings' characters, so the glyphs drawn mean nothing; only the text layer matters here.
export interface VisualOrderLine {
  text: string;
  fontSize: number;
}

function hex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

export function visualOrderPdf(lines: VisualOrderLine[]): Buffer {
  const characters = [...new Set(lines.flatMap((line) => [...line.text]))].filter((character) => character !== ' ');
  if (characters.length > 200) throw new Error('too many distinct characters for a one-byte font');
  const codeOf = new Map<string, number>([
    [' ', 0x20],
    ...characters.map((character, index): [string, number] => [character, 0x21 + index]),
  ]);
  const lastCode = 0x20 + characters.length;
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${codeOf.size} beginbfchar`,
    ...[...codeOf].map(([character, code]) => `<${hex(code, 2)}> <${hex(character.codePointAt(0)!, 4)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  let y = 780;
  const content = lines
    .map((line) => {
      const codes = [...line.text].map((character) => hex(codeOf.get(character)!, 2)).join('');
      const shown = `BT /F1 ${line.fontSize} Tf 1 0 0 1 72 ${y} Tm <${codes}> Tj ET`;
      y -= line.fontSize * 2.5;
      return shown;
    })
    .join('\n');
  const widths = Array.from({ length: lastCode - 0x20 + 1 }, () => 500).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar ${lastCode} /Widths [${widths}] /ToUnicode 6 0 R >>`,
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    `<< /Length ${Buffer.byteLength(toUnicode)} >>\nstream\n${toUnicode}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
