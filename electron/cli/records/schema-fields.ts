import type { z } from 'zod';

/**
 * The fields of a zod object schema as the CLI needs them to offer one flag per field: what kind of
 * value each takes, whether it may be left out, whether it may be cleared. Read from the very
 * schemas the app's forms and the register's service validate with, so a field added to a record
 * becomes a flag with no change here, and the values a flag accepts are the schema's.
 */
export type FieldShape =
  | { type: 'text' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; item: FieldShape }
  | { type: 'object'; fields: readonly FieldSpec[] }
  /** A discriminated union such as the destruction rule: `kind` plus at most one other field per option. */
  | { type: 'choice'; discriminator: string; options: readonly { value: string; field: FieldSpec | null }[] }
  | { type: 'other' };

export interface FieldSpec {
  name: string;
  shape: FieldShape;
  /** It has a default, so a new record may leave it out. */
  hasDefault: boolean;
  /** null is a value: an empty flag clears it. */
  nullable: boolean;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const shape = defOf(schema).shape;
  if (!shape) throw new Error('fieldsOf needs an object schema');
  return Object.entries(shape).map(([name, field]) => fieldSpec(name, field));
}

function fieldSpec(name: string, schema: z.ZodType): FieldSpec {
  let hasDefault = false;
  let nullable = false;
  let def = defOf(schema);
  for (;;) {
    if (def.type === 'default' || def.type === 'optional') hasDefault = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type !== 'pipe') break;
    def = defOf((def.innerType ?? def.in)!);
  }
  return { name, shape: shapeOf(def), hasDefault, nullable };
}

function shapeOf(def: Def): FieldShape {
  switch (def.type) {
    case 'string':
      return { type: 'text' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', values: Object.values(def.entries ?? {}) };
    case 'array':
      return { type: 'list', item: fieldSpec('item', def.element!).shape };
    case 'object':
      return { type: 'object', fields: Object.entries(def.shape ?? {}).map(([name, field]) => fieldSpec(name, field)) };
    case 'union':
      return def.discriminator ? choiceOf(def.discriminator, def.options ?? []) : { type: 'other' };
    default:
      return { type: 'other' };
  }
}

function choiceOf(discriminator: string, options: readonly z.ZodType[]): FieldShape {
  return {
    type: 'choice',
    discriminator,
    options: options.map((option) => {
      const fields = Object.entries(defOf(option).shape ?? {}).map(([name, field]) => fieldSpec(name, field));
      const literal = defOf((defOf(option).shape ?? {})[discriminator]!).values?.[0];
      return { value: String(literal), field: fields.find((f) => f.name !== discriminator) ?? null };
    }),
  };
}
