/**
 * What a caller asks the emulator to create: collections and their indexes, checked against CloudBase's limits
 * (at most 20 indexes per collection besides `_id_`, which is reserved; CloudBase never creates a collection on
 * write, so every collection a function uses must be listed).
 */
export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
}

export const MAX_INDEXES_PER_COLLECTION = 20

/** Returns the problems in a manifest (empty when valid): invalid or duplicate names, too many indexes, empty keys. */
export function validateCollections(specs: CollectionSpec[]): string[] {
  const problems: string[] = []
  const names = new Set<string>()
  for (const spec of specs) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(spec.name)) problems.push(`invalid collection name "${spec.name}"`)
    if (names.has(spec.name)) problems.push(`collection "${spec.name}" is listed twice`)
    names.add(spec.name)
    if (spec.indexes.length > MAX_INDEXES_PER_COLLECTION)
      problems.push(`collection "${spec.name}" has ${spec.indexes.length} indexes; CloudBase allows ${MAX_INDEXES_PER_COLLECTION}`)
    const indexNames = new Set<string>()
    for (const index of spec.indexes) {
      if (index.name === '_id_') problems.push(`${spec.name}: index name "_id_" is reserved`)
      if (indexNames.has(index.name)) problems.push(`${spec.name}: index "${index.name}" is listed twice`)
      indexNames.add(index.name)
      const keys = Object.entries(index.keys)
      if (keys.length === 0) problems.push(`${spec.name}.${index.name}: an index needs at least one key`)
      for (const [field, dir] of keys) if (dir !== 1 && dir !== -1) problems.push(`${spec.name}.${index.name}: ${field} must be 1 or -1`)
    }
  }
  return problems
}
