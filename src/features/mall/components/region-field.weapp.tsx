import { Picker, View } from '@tarojs/components'
import type { RegionFieldProps } from './region-field.types'
import './address-form.scss'

/** Weapp: WeChat's own province/city/district picker, so names match the official division list. */
export default function RegionField({ value, error, onChange }: RegionFieldProps) {
  const picked = [value.province, value.city, value.district].filter(Boolean)
  return (
    <View className={`address-form__row${error ? ' address-form__row--error' : ''}`}>
      <View className='address-form__label'>所在地区</View>
      <Picker
        className='address-form__picker'
        mode='region'
        value={[value.province, value.city, value.district]}
        onChange={(e) => {
          const [province = '', city = '', district = ''] = e.detail.value as string[]
          onChange({ province, city, district })
        }}
      >
        <View className={picked.length ? 'address-form__value' : 'address-form__placeholder'}>
          {picked.length ? picked.join(' ') : '请选择省 / 市 / 区'}
        </View>
        {error ? <View className='address-form__error'>{error}</View> : null}
      </Picker>
    </View>
  )
}
