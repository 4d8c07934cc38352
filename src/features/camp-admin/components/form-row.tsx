import { Picker, View } from '@tarojs/components'
import './form.scss'

/** A labelled row for controls that are not text fields (segments, chips, pickers); styled like Field. */
export function FormRow({
  label,
  required,
  error,
  hint,
  children,
}: {
  label: string
  /** Marked with a red * like a required Field. */
  required?: boolean
  error?: string
  hint?: string
  children: React.ReactNode
}) {
  return (
    <View className={`ui-field${error ? ' ui-field--error' : ''}`}>
      <View className='ui-field__label'>
        {required ? <View className='ui-field__required'>*</View> : null}
        {label}
      </View>
      <View className='ui-field__body'>
        {children}
        {error ? <View className='ui-field__error'>{error}</View> : hint ? <View className='ui-field__hint'>{hint}</View> : null}
      </View>
    </View>
  )
}

interface PickerRowProps {
  id: string
  label: string
  mode: 'date' | 'time'
  value: string
  placeholder: string
  error?: string
  /** Shows 清除 when set. */
  clearable?: boolean
  onChange: (value: string) => void
}

/** A date or time row using the platform picker. */
export function PickerRow({ id, label, mode, value, placeholder, error, clearable, onChange }: PickerRowProps) {
  return (
    <FormRow label={label} error={error}>
      <View className='admin-picker'>
        <Picker id={id} mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={value ? 'admin-picker__value' : 'admin-picker__placeholder'}>{value || placeholder}</View>
        </Picker>
        {clearable && value ? (
          <View role='button' id={`${id}-clear`} className='admin-picker__clear' onClick={() => onChange('')}>
            清除
          </View>
        ) : null}
      </View>
    </FormRow>
  )
}
