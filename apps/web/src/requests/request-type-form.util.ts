export interface ChoiceOption {
  value: string;
  labelAr: string;
  labelEn: string;
}

// An administrator types a choice field's options one per line as value|Arabic|English; a line with only a value
// labels it with the value.
export function optionsFromText(text: string): ChoiceOption[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter(([value]) => value)
    .map(([value, labelAr, labelEn]) => ({ value, labelAr: labelAr || value, labelEn: labelEn || labelAr || value }));
}

export function optionsToText(options: ChoiceOption[] | undefined): string {
  return (options ?? []).map((option) => `${option.value}|${option.labelAr}|${option.labelEn}`).join('\n');
}
