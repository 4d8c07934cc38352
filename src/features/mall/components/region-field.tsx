import { Input, View } from '@tarojs/components'
import type { Region, RegionFieldProps } from './region-field.types'
import './address-form.scss'

const PARTS: { key: keyof Region; placeholder: string }[] = [
  { key: 'province', placeholder: '省' },
  { key: 'city', placeholder: '市' },
  { key: 'district', placeholder: '区/县' },
]

/** H5 has no region picker: three short inputs in one row. */
export default function RegionField({ value, error, onChange }: RegionFieldProps) {
  return (
    <View className={`address-form__row${error ? ' address-form__row--error' : ''}`}>
      <View className='address-form__label'>所在地区</View>
      <View className='address-form__body'>
        <View className='address-form__region'>
          {PARTS.map((p) => (
            <Input
              key={p.key}
              id={`address-${p.key}`}
              className='address-form__region-input'
              value={value[p.key]}
              placeholder={p.placeholder}
              maxlength={20}
              onInput={(e) => onChange({ ...value, [p.key]: e.detail.value })}
            />
          ))}
        </View>
        {error ? <View className='address-form__error'>{error}</View> : null}
      </View>
    </View>
  )
}
