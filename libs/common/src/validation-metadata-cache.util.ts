import { getMetadataStorage } from 'class-validator';

type LookUp = (target: Function, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

interface MetadataStorageInternals {
  getTargetValidationMetadatas: LookUp;
  addValidationMetadata: (metadata: unknown) => void;
  waslMemoised?: true;
}

// class-validator finds a class's rules by testing every decorated class in the process for being its parent, on every
// validate() call and for every nested object (MetadataStorage.getTargetValidationMetadatas), so the cost of checking
// one webhook grows with every DTO Wasl adds (a bench:ingest profile: 4.8 s of the gateway's CPU in class-validator,
// against 3.1 s at 9318bbf while accepting more). A class's rules are fixed once its module is loaded, so the lookup
// is remembered per class and options, and forgotten whenever a rule is added.
export function memoiseValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as MetadataStorageInternals;
  if (storage.waslMemoised) return;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let remembered = new WeakMap<Function, Map<string, unknown[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\n${always}\n${strictGroups}\n${groups?.join('\n') ?? ''}`;
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    remembered = new WeakMap();
    add(metadata);
  };
  storage.waslMemoised = true;
}
