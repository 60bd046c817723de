import type { RecordKind } from '../../../../shared/register/records';
import type { FieldErrors } from '../../forms/form-model';
import type { Draft, FieldSpec } from '../../forms/form-specs';

/** What every field control of the record form receives. */
export interface FieldProps {
  kind: RecordKind;
  spec: FieldSpec;
  draft: Draft;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldErrors;
  /** Display names of the records the draft refers to, by id. */
  labels: Record<string, string>;
  rememberLabel: (id: string, label: string) => void;
}
