import { Picker, View } from '@tarojs/components'
import { COLORS } from '@/shared/ui/tokens'

interface DayFieldProps {
  id: string
  label: string
  value: string
  placeholder: string
  error?: string
  onChange: (value: string) => void
}

/** A date row (YYYY-MM-DD, Beijing day) with a clear link, for the sale window. Styled by Field's classes (the form uses Field too). */
export default function DayField({ id, label, value, placeholder, error, onChange }: DayFieldProps) {
  return (
    <View className={`ui-field${error ? ' ui-field--error' : ''}`}>
      <View className='ui-field__label'>{label}</View>
      <View className='ui-field__body'>
        <View style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Picker id={id} mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
            <View style={{ color: value ? COLORS.text : COLORS.textDisabled }}>{value || placeholder}</View>
          </Picker>
          {value ? (
            <View role='button' id={`${id}-clear`} style={{ color: COLORS.primary }} onClick={() => onChange('')}>
              清除
            </View>
          ) : null}
        </View>
        {error ? <View className='ui-field__error'>{error}</View> : null}
      </View>
    </View>
  )
}
