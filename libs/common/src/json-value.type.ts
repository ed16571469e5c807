// JSON stored in simple-json columns. Two levels deep on purpose: TypeORM's partial-entity types cannot
// expand a recursive JSON type, and settings or event details never need more.
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonPrimitive[] | { [key: string]: JsonPrimitive | JsonPrimitive[] };
export type JsonObject = { [key: string]: JsonValue };
