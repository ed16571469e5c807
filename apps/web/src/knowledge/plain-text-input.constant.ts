// For fields people type Arabic and English into: each line reads in the direction of its own first letter.
// (Mantine puts a `dir` prop on the field's wrapper, whose own text decides "auto", not on the input.)
export const PLAIN_TEXT_INPUT = { input: { unicodeBidi: 'plaintext' } } as const;
