/**
 * A small JSON Schema (draft-07) validator for the keywords Kamerwijzer's own schemas use, so the
 * data tests can check the bundled files against schemas/*.schema.json without a dependency. A
 * keyword it does not know is an error, so a schema that grows a new keyword cannot pass unchecked.
 */

type Schema = Record<string, unknown>;

/** The keywords this validator checks; the others listed only describe. */
const CHECKED = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'enum', 'const', '$ref', 'dependencies']);
const DESCRIPTIVE = new Set(['$schema', '$id', '$comment', 'title', 'description', 'definitions', 'default', 'examples']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const t = typeOf(value);
  return t === type || (type === 'number' && t === 'integer');
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let at: unknown = root;
  for (const part of ref.slice(2).split('/')) at = (at as Schema)[part];
  if (!at || typeof at !== 'object') throw new Error(`unresolved $ref ${ref}`);
  return at as Schema;
}

/** The errors of a value against a schema, each "path: what" (none when it is valid). */
export function validate(value: unknown, schema: Schema, root: Schema = schema, at = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!CHECKED.has(key) && !DESCRIPTIVE.has(key)) throw new Error(`${at}: schema keyword "${key}" is not supported by test/support/jsonSchema.ts`);
  }
  if (typeof schema['$ref'] === 'string') return validate(value, resolveRef(root, schema['$ref']), root, at);
  const errors: string[] = [];
  const type = schema['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (!types.some((t) => matchesType(value, t))) return [`${at}: must be ${types.join(' or ')}, not ${typeOf(value)}`];
  }
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema['const'])) errors.push(`${at}: must be ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).some((v) => JSON.stringify(v) === JSON.stringify(value))) errors.push(`${at}: must be one of ${JSON.stringify(schema['enum'])}`);
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) errors.push(`${at}: shorter than ${schema['minLength']}`);
    if (typeof schema['maxLength'] === 'number' && [...value].length > schema['maxLength']) errors.push(`${at}: longer than ${schema['maxLength']}`);
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema['pattern']}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errors.push(`${at}: fewer than ${schema['minItems']} items`);
    if (schema['uniqueItems'] === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${at}: items must be unique`);
    if (schema['items'] && typeof schema['items'] === 'object') value.forEach((v, i) => errors.push(...validate(v, schema['items'] as Schema, root, `${at}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in obj)) errors.push(`${at}: missing "${key}"`);
    for (const [key, v] of Object.entries(obj)) {
      if (properties[key]) errors.push(...validate(v, properties[key]!, root, `${at}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${at}: unknown property "${key}"`);
    }
    const dependencies = (schema['dependencies'] ?? {}) as Record<string, string[]>;
    for (const [key, needs] of Object.entries(dependencies)) {
      if (key in obj) for (const need of needs) if (!(need in obj)) errors.push(`${at}: "${key}" needs "${need}"`);
    }
  }
  return errors;
}
