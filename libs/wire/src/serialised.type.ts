// What JSON.stringify makes of a view: dates arrive as ISO 8601 strings. Browsers and socket clients receive this
// form of every view and payload below.
export type Serialised<Value> = Value extends Date
  ? string
  : Value extends Array<infer Item>
    ? Array<Serialised<Item>>
    : Value extends object
      ? { [Key in keyof Value]: Serialised<Value[Key]> }
      : Value;
