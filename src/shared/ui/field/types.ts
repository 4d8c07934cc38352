export type FieldInputType = 'text' | 'number' | 'digit' | 'idcard'

export interface FieldProps {
  /** Set on the input itself, so tests and the H5 e2e can type into it. */
  id?: string
  label: string
  value: string
  placeholder?: string
  type?: FieldInputType
  /** Several lines (a textarea). */
  multiline?: boolean
  /** Characters allowed; -1 = no limit. */
  maxlength?: number
  required?: boolean
  disabled?: boolean
  /** Shown under the input in red; the field is marked invalid while set. */
  error?: string
  /** Grey help text shown when there is no error. */
  hint?: string
  onInput: (value: string) => void
}
